import { describe, expect, it } from 'vitest';
import { runPluginContract } from '@omnikernel/sdk/testing';
import { emailContentPlugin } from './index.ts';

runPluginContract(emailContentPlugin, { describe, it, expect });
runPluginContract(emailContentPlugin, { describe, it, expect }, { options: { tracking: 'utm', locale: 'es-ES', gridSize: 3, columns: 3 } });
