"""Independent draft annotator -> shorthand. Drafts are reviewed by hand."""
import re,sys,json
W={'one':1,'two':2,'three':3,'four':4,'five':5,'six':6,'seven':7,'eight':8,'nine':9,'ten':10,'eleven':11,'twelve':12,'thirteen':13,'fourteen':14,'fifteen':15,'sixteen':16,'seventeen':17,'eighteen':18,'nineteen':19,'twenty':20,'thirty':30,'forty':40,'fifty':50,'sixty':60,'seventy':70,'eighty':80,'ninety':90,'a':1,'an':1}
ORD={'first':1,'second':2,'third':3,'fourth':4,'fifth':5,'sixth':6,'seventh':7,'eighth':8,'ninth':9,'tenth':10}
SC={'thousand':1e3,'million':1e6,'billion':1e9,'trillion':1e12,'bn':1e9,'m':1e6,'mn':1e6,'k':1e3,'K':1e3,'tn':1e12,'lakh':1e5,'crore':1e7}
CUR=[('US$','USD'),('A$','AUD'),('S$','SGD'),('NZ$','NZD'),('C$','CAD'),('HK$','HKD'),('$','USD'),('€','EUR'),('£','GBP'),('¥','JPY'),('₹','INR')]
NUM=r'(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)'
WN=r'(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)'
SCALE=r'(?:\s?(?:thousand|million|billion|trillion|lakh|crore)|(?:bn|mn|tn|m|k|K)\b)'
CURP=r'(?:US\$|A\$|S\$|NZ\$|C\$|HK\$|\$|€|£|¥|₹)'
Q=[('more than','>'),('over','>'),('above','>'),('exceeding','>'),('in excess of','>'),('upwards of','>'),('well over','>'),('just over','>'),('just above','>'),('slightly more than','>'),
   ('at least','>='),('no fewer than','>='),('no less than','>='),('a minimum of','>='),
   ('fewer than','<'),('less than','<'),('under','<'),('below','<'),
   ('up to','<='),('as many as','<='),('as much as','<='),('at most','<='),('no more than','<='),('a maximum of','<='),
   ('nearly','~<'),('almost','~<'),('just under','~<'),('just below','~<'),
   ('about','~'),('around','~'),('roughly','~'),('approximately','~'),('some','~'),('an estimated','~'),('close to','~'),('circa','~'),('approx.','~')]
Q.sort(key=lambda x:-len(x[0]))
QRE='(?:'+'|'.join(re.escape(q) for q,_ in Q)+r')\s+'
VAL=rf'(?:{CURP}\s?)?(?:{NUM}|{WN}|half a)(?:{SCALE})?(?:\s?(?:%|percent|per cent))?'
VERBS=set('are is were was have has had come arrive arrived killed injured died'.split())
STOP=set('of in to and the a an from for by on at with as or was were is are per since during between than that this its their which who percent million billion'.split())
def num(s):
    s=s.strip()
    m=re.fullmatch(rf'({CURP})?\s?({NUM}|{WN}|a|an|half a)({SCALE})?\s?(%|percent|per cent)?',s)
    if not m: return None,None,None
    c,n,sc,pc=m.groups()
    if re.fullmatch(NUM,n): v=float(n.replace(',',''))
    elif n=='half a': v=0.5
    elif '-' in n: a,b=n.split('-'); v=W[a]+W[b]
    else: v=W[n]
    if sc: v*=SC[sc.strip()]
    cur=dict(CUR)[c] if c else None
    return v,cur,bool(pc)
def fmt(v):
    if v is None: return '-'
    if abs(v-round(v))<1e-9: return str(int(round(v)))
    return repr(round(v,10))
def draft(t):
    out=[];used=[False]*len(t)
    def add(a,b,spec):
        if any(used[a:b]): return
        for i in range(a,b): used[i]=True
        out.append((a,t[a:b],spec))
    def after(b):
        if re.match(r'\s+(?:in|to|per|of|and|or|from)\b',t[b:]): return None,(lambda pm: pm and (pm.group(2) or {'annually':'year','yearly':'year','daily':'day','weekly':'week','monthly':'month','per annum':'year'}[pm.group(3)]))(re.search(r'\b(per|a|each|every) (year|day|month|week)\b|\b(annually|yearly|daily|weekly|monthly|per annum)\b',t[b:b+50]))
        rest=t[b:b+60]
        unit=None;per=None
        m=re.match(r"\s+((?:[a-z][a-z'-]+\s){0,2}[a-z][a-z'-]+)",rest)
        if m:
            ws=m.group(1).split()
            # take head noun: last word ending in s, else first non-stop word
            ws2=[]
            for w in ws:
                if w in STOP: break
                ws2.append(w)
            ws2=[w for w in ws2 if not w.endswith('ly') and w not in VERBS]
            if ws2: unit=ws2[-1]
        pm=re.search(r'\b(per|a|each|every) (year|day|month|week)\b|\b(annually|yearly|daily|weekly|monthly|per annum)\b',t[b:b+50])
        if pm:
            g=pm.group(2) or {'annually':'year','yearly':'year','daily':'day','weekly':'week','monthly':'month','per annum':'year'}[pm.group(3)]
            per=g
        return unit,per
    # years ranges / FY
    for m in re.finditer(r'\b(FY ?\d{2}(?:/\d{2})?|FY ?\d{4}(?:[-–/]\d{2,4})?|fiscal year \d{4})\b',t):
        add(m.start(),m.end(),'y ? #FY')
    for m in re.finditer(r'\b((?:between|from) )?((?:18|19|20)\d\d)( ?(?:-|–|to|and|/|through) ?)((?:18|19|20)?\d\d)\b(?![.,]?\d| ?%| ?percent)',t):
        a=int(m.group(2)); b=m.group(4); b=int(b) if len(b)==4 else int(str(a)[:2]+b)
        if b>a: add(m.start(),m.end(),f'y {a}..{b}')
    for m in re.finditer(r'\b(one|two|three|four)[- ](half|halves|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|tenth|tenths)\b|\bhalf\b|(?<![\d.,])\b(one|two|three|four|five|six|seven|eight|nine|\d+) in (?:every )?(two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|\d+)\b(?![\d.,])',t):
        if m.group(0)=='half': add(m.start(),m.end(),'p 50 #frac'); continue
        if m.group(3):
            a=W.get(m.group(3).lower()) ; b=W.get(m.group(4).lower()) or (int(m.group(4)) if m.group(4).isdigit() else None)
            if m.group(3).isdigit(): a=int(m.group(3))
            if a and b and b>a and b<1800: add(m.start(),m.end(),f'p {fmt(100*a/b)} #ratio')
            continue
        a=W[m.group(1)]; d={'half':2,'halves':2,'third':3,'thirds':3,'quarter':4,'quarters':4,'fourth':4,'fourths':4,'fifth':5,'fifths':5,'tenth':10,'tenths':10}[m.group(2)]
        add(m.start(),m.end(),f'p {fmt(100*a/d)}')
    for m in re.finditer(r'\b((?:18|19|20)\d0)s\b',t):
        add(m.start(),m.end(),f'y {m.group(1)}..{int(m.group(1))+9}')
    # ranges of values
    for m in re.finditer(rf'(?:\b(?:(between|from) ))?({QRE})?({VAL})\s?(?:-|–|to|and)\s?({QRE})?({VAL})',t):
        v1,c1,p1=num(m.group(3)); v2,c2,p2=num(m.group(5))
        if v1 is None or v2 is None: continue
        if re.fullmatch(r'(18|19|20)\d\d',m.group(3).strip()): continue
        if (m.group(1) or '').startswith('from') or not m.group(1) and ' to ' in m.group(0) and False: pass
        c1=c1 or (re.match(CURP,m.group(0)) and dict(CUR).get(re.match(CURP,m.group(0)).group(0)))
        k='m' if (c1 or c2) else ('p' if (p1 or p2) else 'n')
        # fix scale carried over: "$4 billion to $6 billion" fine; "4-6 billion" -> scale from end
        if v2>v1*100 and not re.search(SCALE,m.group(3)) and re.search(SCALE,m.group(5)):
            sc=re.search(SCALE,m.group(5)).group(0).strip(); v1*=SC[sc]
        spec=f'{k} {fmt(v1)}..{fmt(v2)}'
        if (m.group(1) or '').strip()=='from': spec+=' #CHANGE?'
        u,p=after(m.end())
        if c1 or c2: spec+=f' cur={c1 or c2}'
        if u and k=='n': spec+=f' u={u}'
        if p: spec+=f' per={p}'
        add(m.start(),m.end(),spec)
    # single values with qualifier
    for m in re.finditer(rf'(?i:(?<![\w$€£])({QRE})?)(half a (?:million|billion|dozen)|{CURP}\s?{NUM}(?:{SCALE})?|{NUM}(?:{SCALE})?(?:\s?(?:%|percent|per cent|percentage points?))?|(?:{WN})(?:{SCALE})?(?:\s?(?:percent|per cent))?)(?![\w.,]\d|/)',t):
        body=m.group(2); q=m.group(1)
        if re.fullmatch(r'(18|19|20)\d\d',body) :
            add(m.start(2),m.end(2),f'y {body}'); continue
        if re.fullmatch(r'\d{4}s',t[m.start(2):m.end(2)+1]): continue
        b2=re.sub(r'\s?percentage points?','',body)
        v,c,p=num(b2)
        if v is None: continue
        k='m' if c else ('p' if (p or 'percentage point' in body) else 'n')
        spec=f'{k} {fmt(v)}'
        if q:
            spec+=' '+dict(Q)[q.strip().lower()]
        if 'percentage point' in body: spec+=' u=percentage_points'
        u,pr=after(m.end())
        if c: spec+=f' cur={c}'
        elif k=='n' and u: spec+=f' u={u}'
        if pr: spec+=f' per={pr}'
        add(m.start(),m.end(),spec)
    for m in re.finditer(r'\b(dozens|hundreds of thousands|tens of thousands|hundreds|thousands|millions|billions|several dozen|several hundred|several thousand)\b',t,re.I):
        lo={'dozens':24,'several dozen':36,'hundreds':200,'thousands':2000,'tens of thousands':20000,'hundreds of thousands':200000,'millions':2e6,'billions':2e9,'several hundred':300,'several thousand':3000}[m.group(1).lower()]
        u,p=after(m.end())
        add(m.start(),m.end(),f'n - >={fmt(lo)}'+(f' per={p}' if p else ''))
    for m in re.finditer(r'\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b',t):
        v=ORD.get(m.group(1)) or int(re.match(r'\d+',m.group(1)).group(0))
        add(m.start(),m.end(),f'o {v}')
    out.sort()
    return out
if __name__=='__main__':
    for t in sys.argv[1:]:
        for a,s,spec in draft(t): print(f'M {s} :: {spec}')
