from rounds.testkit import Ops, op


def examples(level):
    if level == 1:
        return [Ops(name="canonical types and exact calls", ops=[
            op("canonical", " [int,[ str , bool ]] "), op("canonical", "[int,]"), op("define", "len", ["str"], "int"),
            op("define", "len", ["[int, int]"], "int"), op("define", "len", ["str"], "bool"),
            op("define", "pair", ["int", "str"], "[int, str]"), op("call", "pair", ["int", "str"]),
            op("call", "pair", ["str", "int"]), op("call", "len", ["[int,int]"]), op("call", "len", []),
            op("call", "size", ["str"])])]
    if level == 2:
        return [Ops(name="widening and ranking", ops=[
            op("define", "add", ["float", "float"], "float"), op("define", "add", ["int", "int"], "int"),
            op("define", "add", ["int", "float"], "str"), op("call", "add", ["int", "int"]),
            op("candidates", "add", ["int", "int"]), op("call", "add", ["int", "float"]),
            op("candidates", "add", ["float", "int"]), op("call", "add", ["float", "str"]), op("signature", 3),
            op("signature", 9)])]
    if level == 3:
        return [Ops(name="generic functions", ops=[
            op("define", "first", ["[T, U]"], "T"), op("define", "swap", ["[A, B]"], "[B, A]"),
            op("define", "same", ["T", "T"], "bool"), op("define", "make", ["int"], "T"),
            op("call", "first", ["[[int, str], bool]"]), op("call", "swap", ["[int, [str, float]]"]),
            op("call", "same", ["int", "int"]), op("call", "same", ["int", "float"]),
            op("define", "first", ["[int, str]"], "str"), op("candidates", "first", ["[int, str]"]),
            op("call", "first", ["[T, int]"])])]
    return [Ops(name="expressions and scopes", ops=[
        op("define", "wrap", ["T"], "[T]"), op("define", "add", ["float", "float"], "float"), op("let", "x", "int"),
        op("infer", ["wrap", ["add", "$x", "float"]]), op("push_scope"), op("let", "x", "[str, bool]"),
        op("define", "add", ["int", "float"], "int"), op("infer", ["add", "int", "float"]), op("infer", ["wrap", "$x"]),
        op("pop_scope"), op("infer", "$x"), op("signature", 3), op("define", "neg", ["int"], "int"),
        op("let", "y", ["neg", "$nope"]), op("pop_scope")])]


def _type(rng, prims, tvars, depth=0):
    if depth < 2 and rng.random() < 0.3:
        return [_type(rng, prims, tvars, depth + 1) for _ in range(rng.randint(1, 3))]
    if tvars and rng.random() < 0.4:
        return rng.choice(tvars)
    return rng.choice(prims)


def _show(rng, t, messy=False):
    sp = (lambda: rng.choice(["", " ", "  ", "\t"])) if messy else (lambda: "")
    if isinstance(t, list):
        return sp() + "[" + ",".join(sp() + _show(rng, x, messy) + sp() for x in t) + "]" + sp()
    return t


def _concrete(rng, t, prims):
    """An argument type that fits parameter type t (variables replaced consistently), sometimes not."""
    env = {}

    def go(x):
        if isinstance(x, list):
            return [go(y) for y in x]
        if x[0].isupper():
            if x not in env:
                env[x] = _type(rng, prims, [])
            return env[x]
        if x == "float" and "int" in prims and rng.random() < 0.4:
            return "int"
        return x
    out = go(t)
    if rng.random() < 0.2:
        out = _type(rng, prims, [])
    return out


def _vars_of(t):
    if isinstance(t, list):
        return [v for x in t for v in _vars_of(x)]
    return [t] if t[0].isupper() else []


NAMES = ["f", "g", "h"]


def _stream(rng, level, n):
    prims = ["int", "str", "bool"] if level == 1 else ["int", "float", "str", "bool"]
    tvars = ["T", "U"] if level >= 3 else []
    defs = []  # (name, params) as generated, for building calls that hit
    ops = []
    vars_bound = []
    for _ in range(n):
        choices = ["define"] * 4 + ["call"] * 4 + ["canonical"]
        if level >= 2:
            choices += ["candidates", "candidates", "signature"]
        if level >= 4:
            choices += ["push_scope", "pop_scope", "let", "let", "infer", "infer"]
        m = rng.choice(choices)
        if m == "define":
            name = rng.choice(NAMES)
            params = [_type(rng, prims, tvars) for _ in range(rng.randint(0, 2))]
            pv = [v for p in params for v in _vars_of(p)]
            ret = _type(rng, prims, pv if rng.random() < 0.9 else tvars)
            defs.append((name, params))
            o = op(m, name, [_show(rng, p, True) for p in params], _show(rng, ret))
        elif m in ("call", "candidates"):
            if defs and rng.random() < 0.8:
                name, params = rng.choice(defs)
                args = [_concrete(rng, p, prims) for p in params]
            else:
                name, args = rng.choice(NAMES), [_type(rng, prims, []) for _ in range(rng.randint(0, 2))]
            if level >= 3 and rng.random() < 0.05:
                args.append("T")
            o = op(m, name, [_show(rng, a, True) for a in args])
        elif m == "canonical":
            s = _show(rng, _type(rng, prims + ["float"], ["T", "Key1"]), True)
            if rng.random() < 0.3:
                s = rng.choice([s + ",", "[" + s, s.replace("i", " i", 1), "[]", "", "list", s + "]"])
            o = op(m, s)
        elif m == "signature":
            o = op(m, rng.randint(0, 8))
        elif m in ("push_scope", "pop_scope"):
            o = op(m)
        else:
            def expr(depth=0):
                r = rng.random()
                if vars_bound and r < 0.3:
                    return "$" + rng.choice(vars_bound + ["nope"])
                if depth < 2 and defs and r < 0.7:
                    name, params = rng.choice(defs)
                    return [name] + [expr(depth + 1) if rng.random() < 0.3 else _show(rng, _concrete(rng, p, prims))
                                     for p in params]
                return _show(rng, _type(rng, prims, []))
            if m == "let":
                var = rng.choice(["x", "y"])
                vars_bound.append(var)
                o = op(m, var, expr())
            else:
                o = op(m, expr())
        ops.append(o)
    return ops


def _generated(rng, level, count, n):
    return [Ops(ops=_stream(rng, level, n), shrink=True, note=f"random stream of level-{level} operations")
            for _ in range(count)]


def hidden(level, rng):
    if level == 1:
        cases = [
            Ops(note="canonical form: one space after each comma, nothing else", ops=[
                op("canonical", "[int,str]"), op("canonical", "  bool"), op("canonical", "[ [int] , [str,[bool]] ]"),
                op("canonical", "[\tint,\nstr]"), op("canonical", "T"), op("canonical", "[Key1, float]")]),
            Ops(note="invalid types: empty tuples, trailing commas, unknown or split names, trailing text", ops=[
                op("canonical", "[]"), op("canonical", "[int,]"), op("canonical", "in t"), op("canonical", "list"),
                op("canonical", ""), op("canonical", "[int][int]"), op("canonical", "[int"), op("canonical", "int]"),
                op("canonical", "_x"), op("canonical", "T_1"), op("canonical", "[int,,str]"), op("canonical", "Int")]),
            Ops(note="ids count successful definitions across all names", ops=[
                op("define", "f", ["int"], "int"), op("define", "g", ["int"], "int"), op("define", "f", ["int"], "str"),
                op("define", "f", ["[int"], "str"), op("define", "f", ["str"], "[int"), op("define", "f", ["str"], "str"),
                op("define", "h", [], "bool")]),
            Ops(note="duplicate parameter lists are compared as types, not as text", ops=[
                op("define", "f", ["[int,str]"], "int"), op("define", "f", [" [int, str] "], "bool"),
                op("define", "f", ["[str, int]"], "bool"), op("define", "f", ["[int, str]", "int"], "bool")]),
            Ops(note="a call needs the same number of arguments and equal types, nested ones included", ops=[
                op("define", "f", ["[int, [str, bool]]"], "str"), op("call", "f", ["[int, [str, bool]]"]),
                op("call", "f", ["[int, [str, int]]"]), op("call", "f", ["[int, [str, bool]]", "int"]),
                op("call", "f", []), op("call", "f", ["[int, [str, bool]"]), op("call", "f", ["[int,[str,bool]]"])]),
            Ops(note="overloads: the one with equal parameter types is called", ops=[
                op("define", "f", ["int"], "str"), op("define", "f", ["str"], "bool"), op("define", "f", [], "int"),
                op("define", "f", ["int", "int"], "[int, int]"), op("call", "f", ["str"]), op("call", "f", ["int"]),
                op("call", "f", []), op("call", "f", ["int", "int"]), op("call", "f", ["bool"])]),
        ]
        return cases + _generated(rng, 1, 4, 50)
    if level == 2:
        cases = [
            Ops(note="int widens to float, at cost 1; nothing else widens", ops=[
                op("define", "f", ["float"], "str"), op("call", "f", ["int"]), op("define", "g", ["int"], "str"),
                op("call", "g", ["float"]), op("call", "g", ["bool"]), op("call", "f", ["bool"]),
                op("candidates", "f", ["int"]), op("candidates", "g", ["float"])]),
            Ops(note="widening applies inside tuples, and costs add up", ops=[
                op("define", "f", ["[float, [float, str]]"], "bool"), op("call", "f", ["[int, [int, str]]"]),
                op("candidates", "f", ["[int, [int, str]]"]), op("candidates", "f", ["[int, [float, str]]"]),
                op("call", "f", ["[int, [int, int]]"])]),
            Ops(note="the lowest cost wins, ties to the lowest id", ops=[
                op("define", "f", ["float", "int"], "[int]"), op("define", "f", ["float", "int"], "str"),
                op("define", "f", ["int", "float"], "bool"), op("define", "f", ["float", "float"], "float"),
                op("call", "f", ["int", "int"]), op("candidates", "f", ["int", "int"]), op("call", "f", ["float", "int"]),
                op("candidates", "f", ["float", "float"])]),
            Ops(note="candidates: [] for an unknown name or an invalid argument", ops=[
                op("define", "f", ["float"], "int"), op("candidates", "g", ["int"]), op("candidates", "f", ["[int,]"]),
                op("candidates", "f", []), op("call", "f", ["flt"])]),
            Ops(note="signature: canonical types, parameters separated by ', '", ops=[
                op("define", "scale", ["[float,float]", "int"], " float "), op("define", "now", [], "int"),
                op("signature", 1), op("signature", 2), op("signature", 0), op("signature", 3), op("signature", -1)]),
        ]
        return cases + _generated(rng, 2, 4, 60)
    if level == 3:
        cases = [
            Ops(note="a variable is bound once per call and must agree everywhere", ops=[
                op("define", "same", ["T", "[T, int]"], "T"), op("call", "same", ["str", "[str, int]"]),
                op("call", "same", ["str", "[int, int]"]), op("call", "same", ["[int, str]", "[[int, str], int]"]),
                op("call", "same", ["int", "[int, int]"]), op("call", "same", ["bool", "[bool, bool]"])]),
            Ops(note="no widening through a bound variable", ops=[
                op("define", "pair", ["T", "T"], "[T, T]"), op("call", "pair", ["float", "int"]),
                op("call", "pair", ["int", "float"]), op("call", "pair", ["float", "float"]),
                op("define", "mix", ["T", "float"], "T"), op("call", "mix", ["int", "int"])]),
            Ops(note="a variable matches a whole tuple; the result substitutes every variable", ops=[
                op("define", "swap", ["[A, B]"], "[B, A]"), op("call", "swap", ["[[int, str], bool]"]),
                op("call", "swap", ["[int, str, bool]"]), op("call", "swap", ["int"]),
                op("define", "nest", ["A"], "[A, [A]]"), op("call", "nest", ["[int, float]"])]),
            Ops(note="define refuses a return variable that no parameter binds", ops=[
                op("define", "f", ["T"], "U"), op("define", "f", ["[T, U]"], "[U, T]"), op("define", "g", [], "T"),
                op("define", "h", ["int"], "[int, T]"), op("signature", 1), op("signature", 2)]),
            Ops(note="ranking: cost first, then fewer type variables, then id", ops=[
                op("define", "f", ["T", "U"], "[U, T]"), op("define", "f", ["T", "int"], "T"),
                op("define", "f", ["float", "int"], "float"), op("define", "f", ["int", "int"], "int"),
                op("candidates", "f", ["int", "int"]), op("call", "f", ["int", "int"]), op("call", "f", ["str", "int"]),
                op("candidates", "f", ["str", "int"]), op("define", "f", ["A", "B"], "bool"),
                op("candidates", "f", ["str", "str"])]),
            Ops(note="arguments must be concrete", ops=[
                op("define", "id", ["T"], "T"), op("call", "id", ["T"]), op("candidates", "id", ["[int, U]"]),
                op("call", "id", ["[int, float]"])]),
            Ops(note="parameters with different variable names are different overloads", ops=[
                op("define", "f", ["T"], "T"), op("define", "f", ["U"], "U"), op("define", "f", [" T "], "int"),
                op("candidates", "f", ["int"])]),
        ]
        return cases + _generated(rng, 3, 4, 70)
    cases = [
        Ops(note="nested calls are typed inside out; a failure anywhere means no type", ops=[
            op("define", "wrap", ["T"], "[T]"), op("define", "first", ["[T]"], "T"),
            op("infer", ["first", ["wrap", ["wrap", "int"]]]), op("infer", ["first", ["wrap", "[int, str]"]]),
            op("infer", ["first", "int"]), op("infer", ["wrap", ["first", "int"]]), op("infer", ["nope"]),
            op("infer", "[int, T]"), op("infer", "[int,]"), op("infer", " [int,str] ")]),
        Ops(note="a failed let changes nothing; let replaces a binding in the same scope", ops=[
            op("let", "x", "int"), op("let", "x", ["missing", "int"]), op("infer", "$x"), op("let", "x", "str"),
            op("infer", "$x"), op("infer", "$y"), op("let", "y", "$x"), op("infer", "$y")]),
        Ops(note="variables resolve in the innermost scope that binds them, and die with their scope", ops=[
            op("let", "x", "int"), op("push_scope"), op("infer", "$x"), op("let", "x", "str"), op("push_scope"),
            op("infer", "$x"), op("let", "z", "bool"), op("pop_scope"), op("infer", "$x"), op("infer", "$z"),
            op("pop_scope"), op("infer", "$x"), op("pop_scope"), op("infer", "$x")]),
        Ops(note="functions of every open scope compete; closing a scope removes its functions", ops=[
            op("define", "f", ["float"], "float"), op("push_scope"), op("define", "f", ["int"], "int"),
            op("infer", ["f", "int"]), op("candidates", "f", ["int"]), op("define", "f", ["float"], "str"),
            op("pop_scope"), op("infer", ["f", "int"]), op("define", "f", ["int"], "bool"), op("signature", 2),
            op("signature", 3)]),
        Ops(note="ids keep counting after a scope is closed", ops=[
            op("push_scope"), op("define", "a", [], "int"), op("define", "b", [], "int"), op("pop_scope"),
            op("define", "c", [], "int"), op("push_scope"), op("push_scope"), op("define", "a", [], "str"),
            op("signature", 4), op("infer", ["a"]), op("pop_scope"), op("infer", ["a"]), op("push_scope")]),
        Ops(note="variable types feed overload ranking like literals", ops=[
            op("define", "g", ["float"], "float"), op("define", "g", ["T"], "[T]"), op("let", "n", "int"),
            op("infer", ["g", "$n"]), op("let", "n", ["g", "$n"]), op("infer", ["g", "$n"]), op("infer", "$n")]),
    ]
    return cases + _generated(rng, 4, 4, 70)
