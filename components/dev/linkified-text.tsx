import type { ReactNode } from "react";

const urlPattern = /https?:\/\/[^\s<>"']+/g;

/** Plain text with http(s) URLs turned into links; everything is rendered as text, never HTML. */
export function LinkifiedText({ text }: { text: string }) {
  const nodes: ReactNode[] = [];
  let offset = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index;
    if (start > offset) nodes.push(text.slice(offset, start));
    nodes.push(
      <a key={start} href={match[0]} className="break-all text-sky-600 underline dark:text-sky-400">
        {match[0]}
      </a>,
    );
    offset = start + match[0].length;
  }
  if (offset < text.length) nodes.push(text.slice(offset));
  return <>{nodes}</>;
}
