class TypeEngine:
    """Types: "int" | "float" | "str" | "bool" | a variable ("T", "Key1") | "[t1, t2, ...]".

    Canonical form: no whitespace except one space after each comma, e.g. "[int, [str, T]]".
    """

    def __init__(self) -> None:
        """No definitions; only the global scope is open."""

    # ---- level 1 -------------------------------------------------------
    def canonical(self, type_str: str) -> str | None:
        """The canonical form of a type; None when the string is not a valid type."""
        raise NotImplementedError

    def define(self, name: str, params: list[str], ret: str) -> int | None:
        """Add an overload of name; its id (1, 2, 3, ... over all names, never reused).

        None (nothing added) for an invalid type, an overload of name with equal parameter
        types in any open scope, or (level 3) a return variable no parameter contains.
        """
        raise NotImplementedError

    def call(self, name: str, args: list[str]) -> str | None:
        """Canonical return type of the best applicable overload; None when there is none.

        Level 1: parameter types equal to the arguments. Level 2: int widens to float at
        cost 1 (inside tuples too); lowest total cost wins, then (level 3) fewer type
        variables, then lowest id. Arguments containing type variables make the call invalid.
        """
        raise NotImplementedError

    # ---- level 2 -------------------------------------------------------
    def candidates(self, name: str, args: list[str]) -> list[str]:
        """Every applicable overload as "id(cost)", best first (the ranking call uses)."""
        raise NotImplementedError

    def signature(self, fid: int) -> str | None:
        """"name(param, param) -> ret" in canonical forms; None for an unknown id."""
        raise NotImplementedError

    # ---- level 4 -------------------------------------------------------
    def infer(self, expr) -> str | None:
        """Type of "$var", a literal type string, or [name, arg_expr, ...]; None when untyped."""
        raise NotImplementedError

    def let(self, var: str, expr) -> str | None:
        """Bind var to expr's type in the innermost scope; the type, or None (no change)."""
        raise NotImplementedError

    def push_scope(self) -> int:
        """Open a scope; the number of scopes open above the global one."""
        raise NotImplementedError

    def pop_scope(self) -> bool:
        """Close the innermost scope and everything it defined; False in the global scope."""
        raise NotImplementedError
