import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-9, rtol=1e-9, dtype="float64")


def _docs(g, n, v, c, length=20):
    y = np.concatenate([np.arange(c), g.integers(0, c, size=n - c)])
    topics = g.dirichlet(np.ones(v) * 0.3, size=c)
    x = np.stack([g.multinomial(length, topics[k]) for k in y]).astype(np.float64)
    return x, y, topics


def examples(level):
    if level == 1:
        return [Call((np.array([[2.0, 0.0], [0.0, 1.0]]), np.array([0, 1]), np.array([[1.0, 0.0]])), name="two documents")]
    x = np.array([[0.0], [2.0], [10.0], [12.0]])
    return [Call((x, np.array([0, 0, 1, 1]), np.array([[1.0], [11.0], [6.0]])), entry="gaussian_nb", name="two classes")]


def _level1(g):
    cases = []
    x, y, topics = _docs(g, 30, 12, 3)
    test = np.stack([g.multinomial(25, topics[k]) for k in g.integers(0, 3, size=8)]).astype(np.float64)
    cases.append(Call((x, y, test), note="three topics"))
    cases.append(Call((x, y, test), {"alpha": 0.01}, note="alpha = 0.01"))
    cases.append(Call((x, y, test), {"alpha": 5.0}, note="alpha = 5"))
    x2 = x.copy()
    x2[:, 0] = 0.0
    t2 = test.copy()
    t2[:, 0] = 3.0
    cases.append(Call((x2, y, t2), note="a word never seen in training: smoothing keeps it finite"))
    long = np.stack([g.multinomial(5000, topics[k]) for k in range(3)]).astype(np.float64)
    cases.append(Call((x, y, long), note="5000-token documents",
                      hint="add log-probabilities: a product of 5000 probabilities underflows to 0"))
    cases.append(Call((x, y, np.zeros((2, 12))), note="empty documents: the posterior is the prior"))
    y_skew = np.concatenate([[0, 1], np.zeros(28, dtype=np.int64)])
    cases.append(Call((x, y_skew, test), note="skewed classes: the prior matters"))
    cases.append(Call((x[:1], np.array([0]), test), note="a single class: log posterior 0"))
    for _ in range(3):
        c, v = int(g.integers(2, 6)), int(g.integers(2, 30))
        x, y, topics = _docs(g, int(g.integers(c, 40)), v, c)
        t = np.stack([g.multinomial(int(g.integers(0, 60)), topics[k]) for k in g.integers(0, c, size=6)]).astype(np.float64)
        cases.append(Call((x, y, t), {"alpha": float(g.choice([0.1, 1.0, 2.5]))}, note="random corpus"))
    x, y, topics = _docs(g, 2000, 3000, 10, length=80)
    t = np.stack([g.multinomial(120, topics[k]) for k in g.integers(0, 10, size=500)]).astype(np.float64)
    cases.append(Call((x, y, t), note="2000 documents, 3000 words, 10 classes"))
    return cases


def _gauss(g, n, d, c, sep=2.0):
    y = np.concatenate([np.arange(c), g.integers(0, c, size=n - c)])
    mu, sd = g.normal(size=(c, d)) * sep, g.uniform(0.3, 2.0, size=(c, d))
    return mu[y] + g.normal(size=(n, d)) * sd[y], y


def _level2(g):
    cases = []
    x, y = _gauss(g, 40, 3, 3)
    t = g.normal(size=(10, 3)) * 2
    cases.append(Call((x, y, t), entry="gaussian_nb", note="three classes in 3-D"))
    x2 = x.copy()
    x2[y == 1, 0] = 4.0
    cases.append(Call((x2, y, t), entry="gaussian_nb", note="a feature constant within one class: the variance floor"))
    cases.append(Call((x, y, t), {"var_smoothing": 0.1}, entry="gaussian_nb", note="var_smoothing = 0.1"))
    cases.append(Call((x, y, t * 30), entry="gaussian_nb", note="test points far away: log space"))
    x3, y3 = _gauss(g, 12, 2, 2)
    cases.append(Call((x3, y3, t[:, :2]), entry="gaussian_nb", note="few examples per class: biased variance"))
    for _ in range(3):
        c, d = int(g.integers(2, 5)), int(g.integers(1, 6))
        x, y = _gauss(g, int(g.integers(3 * c, 50)), d, c)
        cases.append(Call((x, y, g.normal(size=(7, d)) * 3), entry="gaussian_nb", note="random"))
    x, y = _gauss(g, 5000, 40, 8)
    cases.append(Call((x, y, g.normal(size=(2000, 40)) * 2), entry="gaussian_nb", note="5000 x 40, 8 classes"))
    return cases


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    return _level1(g) if level == 1 else _level2(g)
