import 'reflect-metadata';
import { container as globalContainer, type DependencyContainer } from 'tsyringe';
import { ErrorCodes, OmnikernelError, type ServiceResolver, type Token } from '@omnikernel/sdk';

/** A provider for a token: a value, or a factory called once per plugin container. */
export type Provider<T> = { readonly useValue: T } | { readonly useFactory: (resolver: ServiceResolver) => T };

/**
 * The kernel's own root container: a child of tsyringe's global one, so nothing this kernel
 * registers is visible to another kernel in the same process.
 */
export function createKernelContainer(): DependencyContainer {
  return globalContainer.createChildContainer();
}

/** Registers a provider on a container with `useValue`/`useFactory` only (no decorator metadata). */
export function register<T>(container: DependencyContainer, token: Token<T>, provider: Provider<T>): void {
  if ('useValue' in provider) container.register(token.symbol, { useValue: provider.useValue });
  else {
    const factory = provider.useFactory;
    let made = false;
    let value: T;
    // Cached per container: a factory's service is made once for the plugin that asks for it.
    container.register(token.symbol, {
      useFactory: (c) => {
        if (!made) {
          value = factory(resolverOf(c));
          made = true;
        }
        return value;
      },
    });
  }
}

/** The typed face of a container that plugins see. */
export function resolverOf(container: DependencyContainer): ServiceResolver {
  return {
    get<T>(token: Token<T>): T {
      if (!container.isRegistered(token.symbol, true)) {
        throw new OmnikernelError(ErrorCodes.SERVICE_MISSING, `no service is registered for ${token.toString()}; the host must provide it (kernel.provide(token, { useValue })).`);
      }
      return container.resolve(token.symbol) as T;
    },
    has: (token) => container.isRegistered(token.symbol, true),
  };
}
