// The part of asciichart (a line chart for terminals, no types of its own) that render/stats.ts uses.
declare module 'asciichart' {
  export interface PlotConfig {
    min?: number;
    max?: number;
    height?: number;
    offset?: number;
    padding?: string;
    format?: (x: number, i: number) => string;
    symbols?: string[];
    colors?: string[];
  }
  export function plot(series: number[] | number[][], cfg?: PlotConfig): string;
}
