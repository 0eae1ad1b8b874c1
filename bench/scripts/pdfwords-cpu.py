#!/usr/bin/env python3
"""CPU per PDF of one warm pdfwords worker: every .pdf of LISTFILE, ROUNDS times, through the worker's stdin/stdout
protocol; the worker's own CPU (rusage of the child) divided by the PDFs read. PRELOAD (optional) is put in the
worker's LD_PRELOAD (e.g. a different malloc).
    python3 bench/scripts/pdfwords-cpu.py LISTFILE ROUNDS [PRELOAD]"""
import struct,subprocess,sys,time,resource,os
files=[l.strip() for l in open(sys.argv[1]) if l.strip().endswith('.pdf')]; n=int(sys.argv[2]); env=dict(os.environ)
if len(sys.argv)>3: env['LD_PRELOAD']=sys.argv[3]
p=subprocess.Popen(['/usr/local/bin/pdfwords'],stdin=subprocess.PIPE,stdout=subprocess.PIPE,env=env)
data=[open(f,'rb').read() for f in files]
for i in range(n):
    for f in data:
        p.stdin.write(struct.pack('<ii',len(f),50)+f); p.stdin.flush()
        st,pg,ln=struct.unpack('<iii',p.stdout.read(12)); p.stdout.read(ln)
p.stdin.close(); p.wait()
r=resource.getrusage(resource.RUSAGE_CHILDREN)
print('%s worker CPU ms per PDF %.3f'%(sys.argv[3] if len(sys.argv)>3 else 'glibc', (r.ru_utime+r.ru_stime)*1000/(n*len(data))))
