// The shell every report page shares: one self-contained HTML file, no scripts, no external requests.
import { t } from './escape';
import { BASE_CSS } from './style';

export function page(o: { title: string; css?: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Reframe">
<title>${t(o.title)}</title>
<style>${BASE_CSS}${o.css ?? ''}</style>
</head>
<body>
${o.body}
</body>
</html>
`;
}
