// The default templates: table layout and inline styles, which every mail client renders.
// `{{x}}` is HTML-escaped, `{{{x}}}` is a fragment the plugin built (already escaped).

/**
 * The hero block (the top offer). Placeholders: `title`, `description` (the offer's, else its
 * first reason), `reason`, `value` (formatted), `url` (tracked), `imageUrl`, `cta`, and
 * `{{{imageTag}}}` (an `<img>`, or nothing without an image).
 */
export const DEFAULT_HERO = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;background:#f6f3ee">
<tr><td style="padding:0">{{{imageTag}}}</td></tr>
<tr><td style="padding:24px;font-family:Arial,Helvetica,sans-serif;color:#1f1f1f">
<h1 style="margin:0 0 8px;font-size:24px;line-height:1.25">{{title}}</h1>
<p style="margin:0 0 16px;font-size:15px;line-height:1.5">{{description}}</p>
<a href="{{url}}" style="display:inline-block;padding:12px 20px;background:#1f1f1f;color:#ffffff;text-decoration:none;font-weight:bold">{{cta}}</a>
</td></tr></table>`;

/**
 * One product of the grid. Placeholders: `name`, `price` (formatted in the product's currency),
 * `category`, `reason` (its first), `url` (tracked), `imageUrl`, `{{{imageTag}}}`.
 */
export const DEFAULT_GRID_ITEM = `<a href="{{url}}" style="text-decoration:none;color:#1f1f1f;font-family:Arial,Helvetica,sans-serif">{{{imageTag}}}
<p style="margin:8px 0 4px;font-size:14px;font-weight:bold;line-height:1.3">{{name}}</p>
<p style="margin:0;font-size:14px;color:#555555">{{price}}</p></a>`;

/** The grid around its items. Placeholders: `title`, and `{{{rows}}}` (the `<tr>` rows of item cells). */
export const DEFAULT_GRID = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse">
<tr><td colspan="{{columns}}" style="padding:24px 8px 8px;font-family:Arial,Helvetica,sans-serif"><h2 style="margin:0;font-size:20px;color:#1f1f1f">{{title}}</h2></td></tr>
{{{rows}}}
</table>`;

/** The hero in the plain-text part. Placeholders as the hero's. */
export const DEFAULT_HERO_TEXT = `{{title}}
{{description}}
{{cta}}: {{url}}`;

/** One product in the plain-text part. Placeholders as a grid item's. */
export const DEFAULT_ITEM_TEXT = `- {{name}}, {{price}}: {{url}}`;

/** The plain-text alternative. Placeholders: `heroText`, `gridTitle`, `itemsText`, `baseUrl`. */
export const DEFAULT_TEXT = `{{heroText}}

{{gridTitle}}
{{itemsText}}`;

/** The plain text when the decision has neither an offer nor recommendations. Placeholder: `baseUrl`. */
export const DEFAULT_FALLBACK_TEXT = `See what is new in our shop: {{baseUrl}}`;
