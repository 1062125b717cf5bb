// Seeded generator of requests for the execution differential: documents of one to three operations (queries and
// mutations) over the schema's types, with aliases, named fragments and inline fragments (on abstract types too),
// @skip/@include with literals and variables, arguments as literals or variables (with defaults, null, a single
// value where a list is expected), and variable values that are sometimes missing, null or invalid, plus an
// operation name that is sometimes missing or unknown. It does not validate: execute-corpus.mjs keeps only what
// graphql-js's validate accepts.
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

// mulberry32: a small seeded PRNG, so a seed names one corpus.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SMALL_COUNTS = new Set(['first', 'count', 'size', 'times', 'delay', 'by']);

export function* generateRequests(schema, seed) {
  const next = random(seed);
  const int = (n) => Math.floor(next() * n);
  const chance = (p) => next() < p;
  const pick = (items) => items[int(items.length)];

  function generateRequest(index) {
    const operations = chance(0.7) ? 1 : 2 + int(2);
    const names = [];
    const texts = [];
    const variables = {};
    const state = { variable: 0, fragment: 0, alias: 0 };
    for (let i = 0; i < operations; i++) {
      const name = operations === 1 && chance(0.4) ? null : `Op${index}_${i}`;
      names.push(name);
      texts.push(generateOperation(name, state, variables));
    }

    let operationName;
    const roll = next();
    if (operations > 1) {
      operationName = roll < 0.88 ? pick(names) : roll < 0.95 ? undefined : 'Missing';
    } else {
      operationName = roll < 0.75 ? undefined : roll < 0.95 ? (names[0] ?? undefined) : 'Missing';
    }
    return { document: texts.join('\n\n'), operationName, variables };
  }

  function generateOperation(name, state, variables) {
    const mutation = chance(0.2);
    const op = { definitions: [], fragments: [], state, variables };
    const selections = mutation ? mutationSelections(op) : selectionSet(schema.getQueryType(), 0, op);
    const header = `${mutation ? 'mutation' : 'query'}${name ? ` ${name}` : ''}`;
    const definitions = op.definitions.length > 0 ? `(${op.definitions.join(', ')})` : '';
    if (!name && !mutation && definitions === '' && chance(0.5)) {
      return [`{\n${selections}\n}`, ...op.fragments].join('\n\n');
    }
    return [`${header}${definitions} {\n${selections}\n}`, ...op.fragments].join('\n\n');
  }

  // Mutations always take an alias: the same field twice with other arguments would not merge.
  function mutationSelections(op) {
    const fields = Object.values(schema.getMutationType().getFields());
    const lines = [];
    for (let i = 0, n = 1 + int(4); i < n; i++) {
      const field = pick(fields);
      lines.push(`m${op.state.alias++}: ${fieldText(field, 1, op)}`);
    }
    if (chance(0.3)) lines.push('__typename');
    return lines.map((l) => `  ${l}`).join('\n');
  }

  function selectionSet(type, depth, op) {
    const lines = [];
    const count = depth >= 3 ? 1 + int(2) : 1 + int(4);
    for (let i = 0; i < count; i++) lines.push(selection(type, depth, op));
    return lines.map((l) => l.split('\n').map((x) => `  ${x}`).join('\n')).join('\n');
  }

  function selection(type, depth, op) {
    const roll = next();
    if (roll < 0.08) return '__typename';
    if (isUnionType(type) || (roll < 0.3 && isAbstractType(type))) {
      return fragment(type, pick(spreadTargets(type)), depth, op);
    }
    if (roll < 0.38) return fragment(type, pick(spreadTargets(type)), depth, op);
    return fieldSelection(type, depth, op);
  }

  // The types a fragment inside a selection on `type` may name: itself, its interfaces, its possible types.
  function spreadTargets(type) {
    if (isObjectType(type)) return [type, ...type.getInterfaces()];
    const possible = schema.getPossibleTypes(type);
    return isInterfaceType(type) ? [type, ...type.getInterfaces(), ...possible] : possible;
  }

  // An inline fragment leaves out its type condition only where it names the enclosing type.
  function fragment(parent, target, depth, op) {
    const body = selectionSet(target, depth + 1, op);
    const directives = directive(op);
    if (chance(0.5)) {
      const typeCondition = target === parent && chance(0.4) ? '' : ` on ${target.name}`;
      return `...${typeCondition}${directives} {\n${body}\n}`;
    }
    const name = `F${op.state.fragment++}`;
    op.fragments.push(`fragment ${name} on ${target.name} {\n${body}\n}`);
    return `...${name}${directives}`;
  }

  function fieldSelection(type, depth, op) {
    let fields = Object.values(type.getFields());
    if (depth >= 3) {
      const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
      if (leaves.length > 0) fields = leaves;
    }
    const field = pick(fields);
    // Aliases mostly on fields with arguments, which conflict when they meet under one name with others.
    const alias = chance(field.args.length > 0 ? 0.6 : 0.2) ? `a${op.state.alias++}: ` : '';
    return alias + fieldText(field, depth, op);
  }

  function fieldText(field, depth, op) {
    const args = [];
    for (const arg of field.args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (!required && chance(0.5)) continue;
      args.push(`${arg.name}: ${argumentValue(arg, op)}`);
    }
    const text = `${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${directive(op)}`;
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) return text;
    if (depth >= 4) return `${text} {\n  __typename\n}`;
    return `${text} {\n${selectionSet(named, depth + 1, op)}\n}`;
  }

  function directive(op) {
    if (!chance(0.12)) return '';
    const name = chance(0.5) ? 'skip' : 'include';
    if (chance(0.5)) return ` @${name}(if: ${chance(0.5)})`;
    return ` @${name}(if: ${variable(op, 'Boolean!', null, () => chance(0.5), () => 'yes')})`;
  }

  function argumentValue(arg, op) {
    if (chance(0.4)) {
      return variable(op, variableType(arg.type), arg.name, () => jsonValue(arg.type, arg.name), () => invalidJson(arg.type, arg.name));
    }
    return literal(arg.type, arg.name, 0);
  }

  // A variable of the argument's type, or of the non-null form of a nullable one (allowed in that position).
  function variableType(type) {
    if (!isNonNullType(type) && chance(0.2)) return `${type}!`;
    return String(type);
  }

  function variable(op, typeText, hint, valid, invalid) {
    const name = `v${op.state.variable++}`;
    const nonNull = typeText.endsWith('!');
    let definition = `$${name}: ${typeText}`;
    const type = parseTypeText(typeText);
    const withDefault = !nonNull && chance(0.3);
    if (withDefault) definition += ` = ${literal(type, hint, 0)}`;
    op.definitions.push(definition);
    // Rarely a value a non-null variable refuses: a request error ends the whole request.
    const risky = nonNull && !withDefault;
    const roll = next();
    if (roll < (risky ? 0.02 : 0.12)) {
      // left out: the default, if any, or no value
    } else if (roll < (risky ? 0.04 : 0.2)) {
      op.variables[name] = null;
    } else if (roll < (risky ? 0.975 : 0.95)) {
      op.variables[name] = valid();
    } else {
      op.variables[name] = invalid();
    }
    return `$${name}`;
  }

  function parseTypeText(text) {
    if (text.endsWith('!')) return { kind: 'nonNull', ofType: parseTypeText(text.slice(0, -1)) };
    if (text.startsWith('[')) return { kind: 'list', ofType: parseTypeText(text.slice(1, -1)) };
    return schema.getType(text);
  }

  const unwrap = (type) => (type.kind === 'nonNull' ? type.ofType : isNonNullType(type) ? type.ofType : type);
  const nonNull = (type) => type.kind === 'nonNull' || isNonNullType(type);
  const list = (type) => type.kind === 'list' || isListType(type);

  function scalarSample(type, hint) {
    switch (type.name) {
      case 'Int':
        if (hint === 'seed') return int(100) - (chance(0.05) ? 100 : 0);
        if (hint === 'from') return chance(0.1) ? 2147483646 : int(20);
        if (SMALL_COUNTS.has(hint)) return int(8) - 1;
        return pick([0, 1, 2, 3, 5, -4, 42, 2147483647]);
      case 'Float':
        return pick([0.5, 1, -2.25, 3.75, 10, 0]);
      case 'String':
        return pick(['a', 'Hi', 'x y', 'Zed', '']);
      case 'Boolean':
        return chance(0.5);
      case 'ID':
        return pick(['a1', 'b2', 7]);
      default:
        throw new Error(`no sample for ${type.name}`);
    }
  }

  function literal(type, hint, depth) {
    if (!nonNull(type) && chance(0.08)) return 'null';
    const inner = unwrap(type);
    if (list(inner)) {
      if (chance(0.3)) return literal(inner.ofType, hint, depth + 1);
      const items = [];
      for (let i = 0, n = int(4); i < n; i++) items.push(literal(inner.ofType, hint, depth + 1));
      return `[${items.join(', ')}]`;
    }
    if (isEnumType(inner)) return pick(inner.getValues()).name;
    if (isScalarType(inner)) {
      const value = scalarSample(inner, hint);
      if (typeof value === 'string') return JSON.stringify(value);
      return String(value);
    }
    return `{${inputFields(inner, depth).map(([f, useIt]) => (useIt ? `${f.name}: ${literal(f.type, f.name, depth + 1)}` : null)).filter(Boolean).join(', ')}}`;
  }

  function inputFields(type, depth) {
    return Object.values(type.getFields()).map((f) => {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      return [f, required || (depth < 3 && chance(0.5))];
    });
  }

  function jsonValue(type, hint, depth = 0) {
    if (!nonNull(type) && chance(0.06)) return null;
    const inner = unwrap(type);
    if (list(inner)) {
      if (chance(0.3)) return jsonValue(inner.ofType, hint, depth + 1);
      const items = [];
      for (let i = 0, n = int(4); i < n; i++) items.push(jsonValue(inner.ofType, hint, depth + 1));
      return items;
    }
    if (isEnumType(inner)) return pick(inner.getValues()).name;
    if (isScalarType(inner)) {
      const value = scalarSample(inner, hint);
      return inner.name === 'ID' && chance(0.5) ? String(value) : value;
    }
    const value = {};
    for (const [f, useIt] of inputFields(inner, depth)) {
      if (useIt) value[f.name] = jsonValue(f.type, f.name, depth + 1);
    }
    return value;
  }

  // A value the variable's type does not accept (or, for some types, nothing wrong at all: the corpus only needs
  // a share of request errors).
  function invalidJson(type, hint) {
    const inner = unwrap(type);
    if (list(inner)) return chance(0.5) ? [invalidJson(inner.ofType, hint)] : invalidJson(inner.ofType, hint);
    if (isEnumType(inner)) return pick(['PURPLE', 'red', 3]);
    if (isInputObjectType(inner)) {
      const value = jsonValue(unwrap(inner), hint) ?? {};
      if (chance(0.5)) value.unknownField = 1;
      else value[pick(Object.keys(inner.getFields()))] = 'not-a-value';
      return value;
    }
    switch (inner.name) {
      case 'Int':
        return pick(['3', 1.5, 2147483648, true]);
      case 'Float':
        return pick(['1.5', true, 'NaN']);
      case 'String':
        return pick([7, true, ['a']]);
      case 'Boolean':
        return pick(['true', 0, 'yes']);
      case 'ID':
        return pick([1.5, true, { id: 1 }]);
      default:
        return null;
    }
  }

  for (let index = 0; ; index++) {
    yield generateRequest(index);
  }
}
