"""Compile shorthand (drafts + fixes) into gold JSONL."""
import re,sys,json,glob
QN={'>':'more_than','>=':'at_least','<':'less_than','<=':'at_most','~':'about','~<':'nearly','~>':'just_over','v':'vague'}
KINDS={'n':'number','p':'percent','m':'money','y':'year','o':'ordinal'}
TAGS={'change','identifier','fiscal_year','verb_rate','verb_bound','age','fraction','notation','counted_noun'}
def ev(x):
    x=x.replace(',','')
    if re.fullmatch(r'[-\d.e+*/() ]+',x): return float(eval(x))
    raise ValueError(x)
def parse_blocks(fn):
    blocks={};order=[];cur=None
    for ln,line in enumerate(open(fn,encoding='utf-8'),1):
        line=line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        if line.startswith('@ '):
            parts=[p.strip() for p in line[2:].split(' | ')]
            cur={'id':parts[0],'meta':{},'M':[],'N':[],'C':[],'K':None,'X':False,'T':None,'hasM':False,'ln':ln,'fn':fn}
            for p in parts[1:]:
                k,v=p.split('=',1); cur['meta'][k]=v
            blocks[cur['id']]=cur; order.append(cur['id']); continue
        tag,_,rest=line.partition(' ')
        if tag=='T': cur['T']=rest
        elif tag=='M': cur['M'].append((rest,ln)); cur['hasM']=True
        elif tag=='M0': cur['hasM']=True   # explicitly no mentions
        elif tag=='N': cur['N']+= [s.strip() for s in rest.split(' ; ') if s.strip()]
        elif tag=='C': a,b=rest.split(' -> '); cur['C'].append((a.strip(),b.strip()))
        elif tag=='K': cur['K']=rest.split()
        elif tag=='X': cur['X']=True
        elif tag=='=': pass
        else: raise SystemExit(f'{fn}:{ln}: bad line {line!r}')
    return blocks,order
def mention(text,spec,t,pos,where):
    kind,_,rest=spec.partition(' ')
    toks=rest.split()
    val=toks[0]; opts=toks[1:]
    r={'text':text,'start':None,'end':None,'kind':KINDS[kind],'value':None,'endpoints':None,'lower':None,'upper':None,'lower_inclusive':None,'upper_inclusive':None,'qualifier':None,'unit':None,'per':None,'currency':None}
    q=None;lo_open=hi_open=False;vague=None;nth=1
    for o in opts:
        if '=' in o and not o.startswith(('>=','<=')):
            k,v=o.split('=',1)
            if k=='u': r['unit']=v.replace('_',' ')
            elif k=='per': r['per']=v
            elif k=='cur': r['currency']=v
            elif k=='q': r['qualifier']=v
            elif k=='nth': nth=int(v)
            else: raise ValueError(f'{where}: opt {o}')
        elif o in QN: q=o
        elif re.fullmatch(r'>=[\d.e+]+',o): vague=('>=',ev(o[2:]))
        elif o=='hi>': hi_open=True      # upper end open ("to more than 200,000")
        elif o=='lo<': lo_open=True
        elif o.startswith('#'): pass
        else: raise ValueError(f'{where}: bad opt {o}')
    if kind=='m' and not r['currency']: r['currency']='USD'
    if '..' in val:
        a,b=val.split('..'); a=ev(a); b=ev(b)
        r['endpoints']=[a,b]; r['lower']=None if lo_open else a; r['upper']=None if hi_open else b
        r['lower_inclusive']=None if lo_open else True; r['upper_inclusive']=None if hi_open else True
        if q=='~': r['qualifier']='about'
        elif q: raise ValueError(f'{where}: qualifier on range')
        if hi_open: r['qualifier']=r['qualifier'] or 'more_than'
    elif val=='-':
        assert vague, where
        r['lower']=vague[1]; r['lower_inclusive']=True; r['qualifier']=r['qualifier'] or 'vague'
    else:
        v=ev(val); r['value']=v
        if q in (None,'~'): r['lower']=r['upper']=v; r['lower_inclusive']=r['upper_inclusive']=True
        elif q in ('>','~>'): r['lower']=v; r['lower_inclusive']=False
        elif q=='>=': r['lower']=v; r['lower_inclusive']=True
        elif q in ('<','~<'): r['upper']=v; r['upper_inclusive']=False
        elif q=='<=': r['upper']=v; r['upper_inclusive']=True
        if q and not r['qualifier']: r['qualifier']=QN[q]
    # offsets (UTF-8 bytes), searching from pos
    i=t.find(text,pos)
    for _ in range(nth-1):
        i=t.find(text,i+1)
    if i<0:
        i=t.find(text)
        if i<0: raise ValueError(f'{where}: mention {text!r} not in text')
        print(f'warning {where}: {text!r} found before previous mention',file=sys.stderr)
    r['start']=len(t[:i].encode()); r['end']=r['start']+len(text.encode())
    return r,i+len(text)
def main(out_pd,out_wp,files):
    blocks={};order=[]
    for fn in files:
        b,o=parse_blocks(fn)
        for k in o:
            if k in blocks:
                old=blocks[k]; new=b[k]
                if new['T']: old['T']=new['T']
                old['meta'].update(new['meta'])
                if new['hasM']: old['M']=new['M']; old['hasM']=True
                old['N']+=new['N']; old['C']+=new['C']
                if new['K'] is not None: old['K']=new['K']
                old['X']=old['X'] or new['X']; old['fixed']=True
            else: blocks[k]=b[k]; order.append(k)
    recs={'public-domain':[],'CC-BY-SA-4.0':[]};errs=0;seen=set()
    for k in order:
        b=blocks[k]
        if b['X']: continue
        where=f"{b['fn']}:{b['ln']} {k}"
        try:
            t=b['T']; m=b['meta']
            if t in seen: raise ValueError('duplicate text')
            seen.add(t)
            if m.get('check') and t not in open(m['check']).read(): pass
            ms=[];pos=0
            for spec,ln in b['M']:
                txt,_,sp=spec.partition(' :: ')
                r,pos=mention(txt.strip(),sp.strip(),t,pos,f"{b['fn']}:{ln}")
                ms.append(r)
            for a,c in b['C']:
                assert any(x['text']==a for x in ms) and any(x['text']==c for x in ms), f'{where}: change {a}->{c} not mentions'
            for n in b['N']: assert n in t, f'{where}: not_figure {n!r} not in text'
            tb=t.encode()
            for x in ms:
                pre=tb[:x['start']].decode()[-1:]; post=tb[x['end']:].decode()[:1]
                assert not pre.isalnum() and not post.isalnum(), f"{where}: mention {x['text']!r} starts or ends inside a word"
                for n in b['N']:
                    j=t.find(n)
                    while j>=0:
                        ns=len(t[:j].encode()); ne=ns+len(n.encode())
                        assert not min(x['end'],ne)>max(x['start'],ns), f"{where}: mention {x['text']!r} overlaps not_figure {n!r}"
                        j=t.find(n,j+1)
            K=b['K'] or []
            for x in K: assert x in TAGS, f'{where}: tag {x}'
            lic={'pd':'public-domain','by-sa':'CC-BY-SA-4.0'}[m['lic']]
            rec={'id':k,'text':t,'source':m['src'],'url':m['url'],'licence':lic,'mentions':ms,'not_figures':b['N'],'changes':[{'from':a,'to':c} for a,c in b['C']],'kinds':K,'reviewed':bool(b.get('fixed'))}
            recs[lic].append(rec)
        except Exception as e:
            print('ERROR',where,e,file=sys.stderr); errs+=1
    for lic,fn in (('public-domain',out_pd),('CC-BY-SA-4.0',out_wp)):
        with open(fn,'w',encoding='utf-8') as f:
            for r in recs[lic]:
                r=dict(r); r.pop('reviewed')
                f.write(json.dumps(r,ensure_ascii=False)+'\n')
    unrev=[r['id'] for l in recs.values() for r in l if not r['reviewed']]
    print(f"pd={len(recs['public-domain'])} wp={len(recs['CC-BY-SA-4.0'])} errors={errs} unreviewed={len(unrev)} {unrev[:10]}",file=sys.stderr)
if __name__=='__main__':
    main(sys.argv[1],sys.argv[2],sys.argv[3:])
