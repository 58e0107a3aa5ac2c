"""Mutation groups: each module holds its inputs, Success types, result unions and resolvers;
:mod:`api.graphql.mutation` puts the resolvers on the root type."""
