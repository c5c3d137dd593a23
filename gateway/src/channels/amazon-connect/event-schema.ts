import { z } from '@hono/zod-openapi';
import sample from './fixtures/sample-event.json' with { type: 'json' };

const endpoint = z
  .looseObject({
    Address: z.string().nullish().openapi({ description: 'E.164 number, or an e-mail address on the EMAIL channel; null when withheld' }),
    Type: z.string().nullish().openapi({ description: 'TELEPHONE_NUMBER, EMAIL_ADDRESS, VOIP, …' }),
  })
  .nullish();

// Connect sends strings here, but a flow can be edited by hand: values of other types are ignored
// rather than refused, so the call is still served.
const attributeMap = z.record(z.string(), z.unknown()).nullish();

/**
 * The event an "Invoke AWS Lambda function" block sends, as the Lambda receives it and forwards it
 * unchanged. Only the fields the adapter reads are typed; everything else passes through, so a new
 * field Amazon adds tomorrow is never a 400.
 */
export const connectEventSchema = z
  .looseObject({
    Name: z.string().optional().openapi({ description: '`ContactFlowEvent`' }),
    Details: z
      .looseObject({
        ContactData: z
          .looseObject({
            Attributes: attributeMap.openapi({ description: 'contact attributes set earlier in the flow; identifiers such as `customerId` or `loyaltyId` are used' }),
            Channel: z.string().nullish().openapi({ description: 'VOICE, CHAT, TASK or EMAIL' }),
            ContactId: z.string().nullish(),
            CustomerEndpoint: endpoint,
            SystemEndpoint: endpoint,
            InitialContactId: z.string().nullish(),
            InitiationMethod: z.string().nullish(),
            InstanceARN: z.string().nullish(),
            PreviousContactId: z.string().nullish(),
          })
          .nullish(),
        Parameters: attributeMap.openapi({ description: 'the block\'s function input parameters: `customerId`, `email`, `phone`, `loyaltyId`, `crmId`, `deviceId`, `locale`' }),
      })
      .openapi({ description: 'contact data and the function input parameters' }),
  })
  .openapi('AmazonConnectEvent', { example: sample });

export type ConnectEvent = z.output<typeof connectEventSchema>;
