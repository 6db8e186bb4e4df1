/**
 * The complexity budget, checked before execution: every object field costs the product of the
 * page sizes of the lists above it (itself included), so nested lists multiply, e.g.
 * parks(first: 100) { enterprises(first: 500) { projects(first: 500) } } costs ~25 million.
 * A literal `first` counts as given (and must be within the field's maximum); a variable counts
 * at the maximum; a relationship list without `first` counts at its typical size.
 */
import { ErrorCode } from '../../errors.js';
import { GraphQLError, Kind, type ASTVisitor, type FieldNode, type ValidationContext } from 'graphql';

export interface PageSizes {
  /** The most a field's `first` accepts (`parent`: the type that declares the field). */
  max(parent: string, field: string, declaredDefault: number | undefined): number;
  /** What a list costs when `first` is not given. */
  unspecified(parent: string, field: string, declaredDefault: number | undefined): number;
}

export function complexityRule(budget: number, pages: PageSizes) {
  return (context: ValidationContext): ASTVisitor => {
    const stack: number[] = [1];
    let total = 0;
    let reported = false;
    return {
      OperationDefinition: {
        enter() {
          total = 0;
          reported = false;
        },
      },
      Field: {
        enter(node: FieldNode) {
          const def = context.getFieldDef();
          const parent = context.getParentType()?.name ?? '';
          const firstArg = def?.args.find((a) => a.name === 'first');
          let size = 1;
          if (firstArg) {
            const declared = typeof firstArg.defaultValue === 'number' ? firstArg.defaultValue : undefined;
            const max = pages.max(parent, node.name.value, declared);
            const given = node.arguments?.find((a) => a.name.value === 'first')?.value;
            if (given?.kind === Kind.INT) {
              size = Number(given.value);
              if (size < 0 || size > max) {
                context.reportError(
                  new GraphQLError(`first must be an integer from 0 to ${max}, got ${given.value}`, {
                    nodes: [node],
                    extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'first' },
                  }),
                );
                size = max;
              }
            } else {
              size = given ? max : pages.unspecified(parent, node.name.value, declared);
            }
          }
          const cost = stack[stack.length - 1]! * Math.max(1, size);
          stack.push(cost);
          // Scalars come with their object; only fields that fetch objects cost.
          if (node.selectionSet) total += cost;
          if (total > budget && !reported) {
            reported = true;
            context.reportError(
              new GraphQLError(
                `Query cost exceeds the budget of ${budget} (at ${node.name.value}); ask for smaller pages (first) or fewer nested lists.`,
                {
                  nodes: [node],
                  extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'cost' },
                },
              ),
            );
          }
        },
        leave() {
          stack.pop();
        },
      },
    };
  };
}
