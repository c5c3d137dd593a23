import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runStoreContract } from '../contract/index.ts';
import { createMemoryStore } from './memory-store.ts';

runStoreContract('memory', async () => createMemoryStore(), { describe, it, expect, beforeEach, afterEach });
