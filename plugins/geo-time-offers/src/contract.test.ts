import { describe, expect, it } from 'vitest';
import { runPluginContract } from '@omnikernel/sdk/testing';
import { geoTimeOffersPlugin } from './index.ts';

runPluginContract(geoTimeOffersPlugin, { describe, it, expect });
