import type { OpenAPIHono } from '@hono/zod-openapi';
import type { GatewayEnv } from '../deps.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
}

/**
 * `/openapi.json` (generated from the zod schemas that validate the requests) and `/docs`, a
 * self-contained reference page rendered from it: no script or stylesheet is fetched from anywhere.
 */
export function registerDocRoutes(app: OpenAPIHono<GatewayEnv>): void {
  const info = { title: 'omnikernel', version: '1.0.0', description: 'One customer, one decision, every channel. Authenticate with `Authorization: Bearer <api key>`.' };
  const document = () =>
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info,
      security: [{ bearer: [] }],
    });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  app.get('/openapi.json', (c) => c.json(document()));

  app.get('/docs', (c) => {
    const doc = document();
    const rows: string[] = [];
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
        rows.push(
          `<section><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3><p>${esc(op.summary ?? '')}</p>${
            op.description ? `<p class="d">${esc(op.description)}</p>` : ''
          }</section>`,
        );
      }
    }
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>omnikernel API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}h3{margin:.2rem 0;font-size:1rem}section{border-bottom:1px solid #e3e6ea;padding:.6rem 0}.m{display:inline-block;min-width:4.5rem;font:600 .8rem monospace;padding:.1rem .4rem;border-radius:4px;background:#eef;text-align:center}.post{background:#e3f6e8}.put{background:#fff3d6}.delete{background:#fde4e4}.d{color:#555;font-size:.9rem}code{font-size:.95rem}</style></head>
<body><h1>omnikernel API v1</h1><p>${esc(info.description)} The machine-readable description is at <a href="/openapi.json">/openapi.json</a>.</p>${rows.join('\n')}</body></html>`;
    return c.html(html);
  });
}
