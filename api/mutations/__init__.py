"""Mutation groups: each module holds its inputs, Success types, result unions and resolvers;
:mod:`api.mutation` puts the resolvers on the root type."""
