import type { CapturedMessage } from './captured-message'

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\'': '&#39;',
}

function escape(value: string | undefined): string {
  return (value ?? '').replace(/[&<>"']/g, character => ENTITIES[character]!)
}

/** A small page listing captured mail, newest first; every captured value is escaped. */
export function renderMessagesPage(messages: readonly CapturedMessage[]): string {
  const rows = [...messages].reverse().map(message => `<article>
<h2>${escape(message.subject) || '(no subject)'}</h2>
<p><b>From</b> ${escape(message.from)} · <b>To</b> ${escape(message.to.join(', '))} · ${escape(message.receivedAt)} · ${message.size} bytes</p>
<pre>${escape(message.text)}</pre>
</article>`).join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Captured mail (${messages.length})</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}article{border-top:1px solid #ccc;padding:.5rem 0}pre{white-space:pre-wrap}</style>
</head><body><h1>Captured mail (${messages.length})</h1>
${rows || '<p>No mail yet.</p>'}
</body></html>`
}
