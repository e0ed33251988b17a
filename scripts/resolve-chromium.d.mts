export declare const NO_BROWSER_MESSAGE: string;
export declare function resolveChromium(): { executablePath: string | undefined; source: string };
