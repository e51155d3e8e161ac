import type { Metadata } from "next";
import { PushDeviceList } from "@/components/push/push-device-list";
import { PushKindSwitches } from "@/components/push/push-kind-switches";
import { PushThisDevice } from "@/components/push/push-this-device";
import { Card } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { getCurrentSession } from "@/lib/auth";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db";
import { listPushDevices, listPushKinds } from "@/lib/push/queries";
import { pushPublicKey } from "@/lib/push/sender";

export const metadata: Metadata = { title: "Notifications · Settings" };

// Settings → Notifications: push on this device, the devices that get pushes, and which kinds.
export default async function NotificationSettingsPage() {
  const user = await requireUser();
  const session = await getCurrentSession();
  const [devices, kinds] = await Promise.all([
    listPushDevices(getDb(), user.id, session?.sessionId ?? null),
    listPushKinds(getDb(), user.id),
  ]);
  const current = devices.find((d) => d.current) ?? null;
  return (
    <main className="mx-auto w-full max-w-[600px] px-4 py-6 md:py-10">
      <p className="mb-2 text-sm">
        <Link href="/accounts/settings" className="text-sky-600 hover:underline dark:text-sky-400">
          Settings
        </Link>
      </p>
      <h1 className="mb-6 text-xl font-bold md:text-2xl">Notifications</h1>

      <section aria-labelledby="push-device-heading" className="mb-6">
        <h2 id="push-device-heading" className="mb-3 text-base font-semibold">
          Push notifications
        </h2>
        <Card className="p-4 sm:p-5">
          <PushThisDevice publicKey={pushPublicKey()} currentDeviceId={current?.id ?? null} />
        </Card>
      </section>

      <section aria-labelledby="push-devices-heading" className="mb-6">
        <h2 id="push-devices-heading" className="mb-3 text-base font-semibold">
          Devices
        </h2>
        <Card className="p-4 sm:p-5">
          <PushDeviceList devices={devices} />
        </Card>
      </section>

      <section aria-labelledby="push-kinds-heading">
        <h2 id="push-kinds-heading" className="mb-3 text-base font-semibold">
          Notify me about
        </h2>
        <Card className="p-4 sm:p-5">
          <PushKindSwitches initial={kinds} />
        </Card>
      </section>
    </main>
  );
}
