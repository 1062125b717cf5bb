import * as g from 'graphql';
const schema = g.buildSchema(`type Query { me(x: Int): Int }`);
for (const q of ['query Q("var" $a: Int) { me }', 'query Q($a: Int = "var") { me }', 'query Q($a: Int = 1.5) { me(x: "s") }'])
  console.log(q, g.validate(schema, g.parse(q)).map(e=>e.message));
