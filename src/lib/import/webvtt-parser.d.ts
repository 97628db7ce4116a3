// Types for webvtt-parser (w3c/webvtt.js), which ships none: the parts the importer uses.
declare module 'webvtt-parser' {
  export type CueNode =
    | { type: 'text'; value: string }
    | { type: 'timestamp'; value: number }
    | { type: 'object'; name: string; classes: string[]; value?: string; children: CueNode[] };

  export interface Cue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: CueNode[] };
  }

  export interface ParseError {
    message: string;
    line: number;
    col?: number;
  }

  export class WebVTTParser {
    /** Character references by name, with the `&` ("&amp;" or "&amp"), to the text they stand for. */
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: Cue[]; errors: ParseError[] };
  }

  // The package is CommonJS: Node's ESM import sees module.exports as the default export.
  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
