import { escapeHtml as e } from '../shared/escape-html.ts';
import type { ActivityView, CallerView, DecisionView } from './view-types.ts';

// Inline only: the page loads nothing (no fonts, images or scripts), so it renders inside any agent
// desktop iframe, and the Content-Security-Policy sent with it can forbid everything else.
const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:0;padding:12px;color:#1b1f24;background:#fff}
h1{font-size:18px;margin:0 0 4px}h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;margin:16px 0 6px}
.muted{color:#57606a}.tag{display:inline-block;padding:1px 6px;border-radius:8px;background:#eef1f4;margin:0 4px 4px 0;font-size:12px}
.nbo{border:2px solid #1f6feb;border-radius:8px;padding:10px;background:#f3f8ff}.script{font-size:15px;margin:6px 0}
table{border-collapse:collapse;width:100%}td{padding:3px 6px 3px 0;vertical-align:top;border-bottom:1px solid #eef1f4}
td.num{text-align:right;white-space:nowrap}ul{margin:0;padding-left:18px}`;

/** The decision's part of the page (next best offer, offers, recommendations), rendered once per decision. */
export function decisionHtml(view: DecisionView): string {
  const nbo = view.nextBestOffer;
  const lead = view.lead.score === null && view.lead.band === null ? '' : `<p>Lead: <b>${e(view.lead.score ?? '')}</b> ${view.lead.band ? `<span class="tag">${e(view.lead.band)}</span>` : ''}</p>`;
  const offer = nbo
    ? `<div class="nbo"><h1>${e(nbo.title)}</h1>${nbo.description ? `<p class="muted">${e(nbo.description)}</p>` : ''}` +
      `${nbo.script ? `<p class="script">“${e(nbo.script)}”</p>` : ''}${list(nbo.reasons)}</div>`
    : '<p class="muted">No offer for this customer right now.</p>';
  const others = view.offers.slice(1).map((o) => `<li>${e(o.title)}</li>`).join('');
  const recs = view.recommendations
    .map((r) => `<tr><td>${e(r.name)}${r.repeat ? ' <span class="tag">bought before</span>' : ''}<div class="muted">${e(r.reasons.join('; '))}</div></td><td class="num">${e(r.priceFormatted)}</td></tr>`)
    .join('');
  return (
    `<section><h2>Next best offer</h2>${lead}${offer}${others ? `<h2>Other offers</h2><ul>${others}</ul>` : ''}` +
    `${recs ? `<h2>Recommend</h2><table>${recs}</table>` : ''}` +
    `<p class="muted">Decision ${e(view.decisionId)}${view.degraded.length ? ` · partial (${e(view.degraded.join(', '))})` : ''}</p></section>`
  );
}

/** Who is calling and what they did lately, rendered per request. */
export function callerHtml(status: 'known' | 'unknown' | 'fallback', caller: CallerView | null, consent: Readonly<Record<string, boolean>>, activity: ActivityView | null, now: number): string {
  if (status === 'fallback') return '<section><h1>Customer details unavailable</h1><p class="muted">The lookup failed. Offer what every customer gets, and try again shortly.</p></section>';
  if (!caller) return '<section><h1>Unknown caller</h1><p class="muted">No customer matches this contact. Offer what every customer gets.</p></section>';
  const ids = Object.entries(caller.identifiers).filter(([type]) => type !== 'customerId').flatMap(([type, values]) => (values ?? []).map((v) => `<span class="tag">${e(type)}: ${e(v)}</span>`));
  const consentTags = Object.entries(consent).map(([purpose, ok]) => `<span class="tag">${e(purpose)}: ${ok ? 'yes' : 'no'}</span>`);
  return `<section><h1>${e(caller.name || 'Customer')} <span class="muted">${e(caller.customerId)}</span></h1>
<p>${caller.crmId ? `CRM <b>${e(caller.crmId)}</b> · ` : ''}${caller.loyaltyId ? `Loyalty <b>${e(caller.loyaltyId)}</b> · ` : ''}${e(caller.orderCount)} order${caller.orderCount === 1 ? '' : 's'}</p>
<p>${ids.join('')}</p>${consentTags.length ? `<h2>Consent</h2><p>${consentTags.join('')}</p>` : ''}${activity ? activityHtml(activity, now) : ''}</section>`;
}

function activityHtml(a: ActivityView, now: number): string {
  const visits = Object.entries(a.visitsLast30Days.byChannel).map(([ch, n]) => `<span class="tag">${e(ch)}: ${e(n)}</span>`).join('');
  const viewed = a.recentlyViewed.map((v) => `<li>${e(v.name)} <span class="muted">${e(v.channel)}, ${ago(v.at, now)}</span></li>`).join('');
  const cart = a.abandonedCart
    ? `<h2>Abandoned cart <span class="muted">${ago(a.abandonedCart.abandonedAt, now)}</span></h2><table>${a.abandonedCart.items
        .map((i) => `<tr><td>${e(i.quantity ?? 1)} × ${e(i.name)}</td><td class="num">${e(i.priceFormatted)}</td></tr>`)
        .join('')}</table>`
    : '';
  const bought = a.lastPurchases
    .map((p) => `<tr><td>${e(p.items.map((i) => i.name).join(', '))}<div class="muted">${e(p.storeName ?? p.channel)}, ${ago(p.at, now)}</div></td><td class="num">${e(p.totalFormatted)}</td></tr>`)
    .join('');
  const talks = a.lastConversations.map((c) => `<li>${e(c.type)} ${ago(c.at, now)}${c.topics.length ? `: ${e(c.topics.join(', '))}` : ''}${c.outcome ? ` (${e(c.outcome)})` : ''}</li>`).join('');
  return (
    `<h2>Last 30 days</h2><p>${e(a.visitsLast30Days.total)} visits ${visits}</p>` +
    `${viewed ? `<h2>Viewed</h2><ul>${viewed}</ul>` : ''}${cart}${bought ? `<h2>Last purchases</h2><table>${bought}</table>` : ''}` +
    `${talks ? `<h2>Conversations</h2><ul>${talks}</ul>` : ''}`
  );
}

/** The whole page: caller first (who is it?), then what to offer. */
export function screenPopPage(callerPart: string, decisionPart: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Screen pop</title><style>${CSS}</style></head><body>${callerPart}${decisionPart}</body></html>`;
}

/** A page for a link that can no longer be used, so the iframe shows a sentence, not JSON. */
export function expiredLinkPage(): string {
  return screenPopPage('<section><h1>This screen pop link has expired</h1><p class="muted">Links work once and for a few minutes. Ask the desktop for a new one.</p></section>', '');
}

function list(items: readonly string[]): string {
  return items.length ? `<ul>${items.map((r) => `<li>${e(r)}</li>`).join('')}</ul>` : '';
}

function ago(iso: string, now: number): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes)) return '';
  if (minutes < 60) return `${Math.max(minutes, 0)} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} days ago`;
}
