import { z } from 'zod';
import { DEFAULT_FALLBACK_TEXT, DEFAULT_GRID, DEFAULT_GRID_ITEM, DEFAULT_HERO, DEFAULT_HERO_TEXT, DEFAULT_ITEM_TEXT, DEFAULT_TEXT } from './templates.ts';

function isLocale(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

/** Templates with `{{placeholders}}` (see templates.ts for each one's placeholders). */
const templatesSchema = z.object({
  hero: z.string().default(DEFAULT_HERO),
  grid: z.string().default(DEFAULT_GRID),
  gridItem: z.string().default(DEFAULT_GRID_ITEM),
  heroText: z.string().default(DEFAULT_HERO_TEXT),
  itemText: z.string().default(DEFAULT_ITEM_TEXT),
  text: z.string().default(DEFAULT_TEXT),
  fallbackText: z.string().default(DEFAULT_FALLBACK_TEXT),
});

/** Options of the email-content plugin. */
export const emailContentOptionsSchema = z.object({
  /** Products in the grid (the decision's first ones, in its order). */
  gridSize: z.number().int().min(1).max(24).default(4),
  /** Products per grid row. */
  columns: z.number().int().min(1).max(6).default(2),
  /** How prices are written (`Intl.NumberFormat`), in each product's own currency. */
  locale: z.string().refine(isLocale, { message: 'not a locale Intl supports (e.g. en-GB)' }).default('en-GB'),
  /** Relative image and product URLs resolve against it; also the link when there is none. */
  baseUrl: z.url({ protocol: /^https?$/ }).default('https://shop.example.com/'),
  /** How links carry the decision id: `okd` (`?okd=…&okp=…`) or `utm` (`utm_campaign=<decisionId>`). */
  tracking: z.enum(['okd', 'utm']).default('okd'),
  /** The parameter names of `okd` tracking, to match the click handler of the host. */
  trackingParams: z
    .object({ decision: z.string().min(1).default('okd'), product: z.string().min(1).default('okp'), offer: z.string().min(1).default('oko') })
    .prefault({}),
  gridTitle: z.string().default('Picked for you'),
  cta: z.string().default('See the offer'),
  /** Image width in pixels in the grid (the hero's is full width). */
  imageWidth: z.number().int().min(40).max(1200).default(260),
  templates: templatesSchema.prefault({}),
});

/** Parsed options of the email-content plugin. */
export type EmailContentOptions = z.output<typeof emailContentOptionsSchema>;
