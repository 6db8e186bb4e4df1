/**
 * The cost limit, checked before execution: how many rows (entities, relationships, groups) the
 * request would return, estimated field by field as the rows of the field above it times what
 * this field returns for each of them (RowModel: from the graph's fan-out statistics, capped by
 * the page size asked for). Nested lists multiply; the estimate over the whole operation must stay
 * within the budget. A refusal names the field that contributes most, with the factors that make
 * it up, and says how to ask for less.
 */
import { ErrorCode } from '../../errors.js';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type GraphQLField,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/** A `first` as the request gives it: a literal, a variable (unknown until run), or none. */
export type FirstArgument = number | 'variable' | undefined;

export interface RowModel {
  /** The most a field's `first` accepts. */
  maxFirst(parent: string, field: string): number;
  /** What a field returns for each row of its parent, at most (the rows of its lists). */
  perParent(
    parent: string,
    field: string,
    first: FirstArgument,
    declaredFirst: number | undefined,
    literal: (argument: string) => ValueNode | undefined,
  ): number;
}

interface Level {
  rows: number;
  path: string[];
  /** The lists on the way, with what each returns per row above it. */
  factors: Array<{ name: string; each: number }>;
}

export function complexityRule(budget: number, model: RowModel) {
  return (context: ValidationContext): ASTVisitor => {
    const stack: Level[] = [{ rows: 1, path: [], factors: [] }];
    let total = 0;
    let biggest: Level | undefined;
    return {
      OperationDefinition: {
        enter() {
          total = 0;
          biggest = undefined;
        },
        leave(node) {
          if (total <= budget || !biggest) return;
          const where = biggest.path.join('.');
          const factors = biggest.factors.map((f) => `${Math.round(f.each)} ${f.name}`).join(' × ');
          const lists = [...new Set(biggest.factors.map((f) => f.name))].join(', ');
          context.reportError(
            new GraphQLError(
              `Query cost exceeds the budget of ${budget} rows: it would return about ${Math.round(total)} rows ` +
                `(estimated from this graph's fan-out), most at ${where} (${factors}). ` +
                `Ask for fewer: a smaller first on ${lists}, a filter, or fewer nested lists.`,
              { nodes: [node], extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'cost', field: where } },
            ),
          );
        },
      },
      Field: {
        enter(node: FieldNode) {
          const def: GraphQLField<unknown, unknown> | null | undefined = context.getFieldDef();
          const parent = context.getParentType()?.name ?? '';
          const field = node.name.value;
          const firstArg = def?.args.find((a) => a.name === 'first');
          let first: FirstArgument;
          if (firstArg) {
            const max = model.maxFirst(parent, field);
            const given = node.arguments?.find((a) => a.name.value === 'first')?.value;
            if (given?.kind === Kind.INT) {
              first = Number(given.value);
              if (first < 0 || first > max) {
                context.reportError(
                  new GraphQLError(`first must be an integer from 0 to ${max}, got ${given.value}`, {
                    nodes: [node],
                    extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'first' },
                  }),
                );
                first = max;
              }
            } else if (given) first = 'variable';
          }
          const declared = typeof firstArg?.defaultValue === 'number' ? firstArg.defaultValue : undefined;
          const literal = (name: string) => node.arguments?.find((a) => a.name.value === name)?.value;
          const each = Math.max(
            firstArg ? 0 : 1,
            model.perParent(parent, field, first, firstArg ? declared : undefined, literal),
          );
          const top = stack[stack.length - 1]!;
          const name = node.alias?.value ?? field;
          const level: Level = {
            rows: top.rows * each,
            path: [...top.path, name],
            factors: each === 1 ? top.factors : [...top.factors, { name, each }],
          };
          stack.push(level);
          // Scalars come with their object; only fields that return objects cost.
          if (node.selectionSet) {
            total += level.rows;
            if (!biggest || level.rows > biggest.rows) biggest = level;
          }
        },
        leave() {
          stack.pop();
        },
      },
    };
  };
}
