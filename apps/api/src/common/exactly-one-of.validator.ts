import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * Validates that exactly one of `keys` is given (not null or undefined) on the object. Put it on
 * a property of its own that clients never send (it is always validated, unlike the optional
 * properties it checks): the error then names that property.
 */
export function ExactlyOneOf(keys: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'exactlyOneOf',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [keys],
      options: {
        message: `Give exactly one of ${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}`,
        ...options,
      },
      validator: {
        validate(_value: unknown, args: ValidationArguments): boolean {
          const object = args.object as Record<string, unknown>;
          return keys.filter((key) => object[key] !== undefined && object[key] !== null).length === 1;
        },
      },
    });
  };
}
