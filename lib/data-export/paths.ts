/** Where the mailed link and Settings' Download button point: only the owner gets the file. */
export const downloadPath = (exportId: string) => `/api/data-exports/${exportId}`;
