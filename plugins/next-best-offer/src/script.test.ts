import { describe, expect, it } from 'vitest';
import { fillScript } from './script.ts';

describe('fillScript', () => {
  const values = { firstName: 'Ana', product: 'Barista Pro espresso machine', reason: 'you left a Barista Pro espresso machine in the cart 2 days ago' };

  it('fits the reason after "you", inside a sentence, or as a sentence of its own', () => {
    expect(fillScript('Hi {firstName}, I can see you {reason}. I can take 10% off the {product} today.', values)).toBe(
      'Hi Ana, I can see you left a Barista Pro espresso machine in the cart 2 days ago. I can take 10% off the Barista Pro espresso machine today.',
    );
    expect(fillScript('Hi {firstName}, {reason} Show this at the till.', values)).toBe(
      'Hi Ana, you left a Barista Pro espresso machine in the cart 2 days ago. Show this at the till.',
    );
    expect(fillScript('I see you were looking at the {product}. {reason} I can take 10 % off it today.', values)).toBe(
      'I see you were looking at the Barista Pro espresso machine. You left a Barista Pro espresso machine in the cart 2 days ago. I can take 10 % off it today.',
    );
  });

  it('tidies around an empty value', () => {
    expect(fillScript('Hi {firstName}, welcome back!', { ...values, firstName: '' })).toBe('Hi, welcome back!');
    expect(fillScript('Hi {firstName}, {reason} Show this at the till.', { ...values, reason: '' })).toBe('Hi Ana, Show this at the till.');
    expect(fillScript('Welcome {firstName}!', { ...values, firstName: '' })).toBe('Welcome!');
  });

  it('leaves unknown placeholders for the template author to see', () => {
    expect(fillScript('Dear {title} {firstName}', values)).toBe('Dear {title} Ana');
  });
});
