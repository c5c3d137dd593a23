import { describe, expect, it } from 'vitest';
import { runPluginContract } from '@omnikernel/sdk/testing';
import { recommendationsPlugin } from './index.ts';

runPluginContract(recommendationsPlugin, { describe, it, expect });
runPluginContract(recommendationsPlugin, { describe, it, expect }, { options: { repeatPurchases: 'exclude' } });
