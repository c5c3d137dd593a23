import { describe, expect, it } from 'vitest';
import { createTestGateway } from './testing/test-gateway.ts';

describe('channel routes in the OpenAPI document', () => {
  it('documents every channel endpoint with its parameters and responses', async () => {
    const gw = await createTestGateway({ seed: false });
    const doc = (await (await gw.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: unknown; responses: Record<string, unknown> }>> };
    const connect = doc.paths['/v1/channels/amazon-connect']?.post;
    expect(connect?.requestBody).toBeDefined();
    expect(Object.keys(connect?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401']));
    const pop = doc.paths['/v1/channels/contact-center/screen-pop']?.get;
    expect(pop?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['phone', 'email', 'customerId', 'crmId', 'format', 'token']));
    expect(doc.paths['/v1/channels/contact-center/screen-pop-links']?.post?.requestBody).toBeDefined();
    const email = doc.paths['/v1/channels/email/content']?.get;
    expect(email?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['email', 'format', 'locale']));
    expect(Object.keys((email?.responses['200'] as { content: object }).content)).toEqual(['application/json', 'text/html', 'text/plain']);
  });
});
