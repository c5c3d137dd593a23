import { describe, expect, it } from 'vitest';
import { runPluginContract } from '@omnikernel/sdk/testing';
import { nextBestOfferPlugin } from './index.ts';

runPluginContract(nextBestOfferPlugin, { describe, it, expect });
runPluginContract(nextBestOfferPlugin, { describe, it, expect }, { options: { perSegment: true, minSegmentShows: 1, includeContextual: true } });
