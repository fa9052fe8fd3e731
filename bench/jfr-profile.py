#!/usr/bin/env python3
"""CPU samples of a JFR recording, aggregated: by top frame (self), by method anywhere on the stack
(inclusive), or what a method's time is spent in (its callees).

    bench/jfr-profile.py x.jfr                     # top 40 self, top 150 inclusive
    bench/jfr-profile.py x.jfr --under ArticlePages.find [--depth 2]

Record with -XX:FlightRecorderOptions:stackdepth=512 (the default 64 frames cut off the bottom of a
Spring MVC request's stack, so inclusive shares of the outer frames come out too low), for example
  jcmd PID JFR.start name=p settings=profile filename=x.jfr ; …load… ; jcmd PID JFR.stop name=p
"""
import argparse
import collections
import json
import subprocess


def stacks(path):
    out = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '512', '--events', 'jdk.ExecutionSample', path],
                         capture_output=True, text=True, check=True).stdout
    for event in json.loads(out)['recording']['events']:
        trace = event['values'].get('stackTrace')
        if trace and trace['frames']:
            yield [f['method']['type']['name'] + '.' + f['method']['name'] for f in trace['frames']]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('recording')
    parser.add_argument('--under', help='break down the time of this method (suffix match) by callee')
    parser.add_argument('--depth', type=int, default=1)
    parser.add_argument('--top', type=int, default=40)
    args = parser.parse_args()
    samples = list(stacks(args.recording))
    total = len(samples)
    print(f'samples {total}')
    if args.under:
        callees = collections.Counter()
        for names in samples:
            hits = [i for i, n in enumerate(names) if n.endswith(args.under)]
            if hits:
                i = max(hits)
                callees[' > '.join(reversed(names[max(0, i - args.depth):i])) or '(self)'] += 1
        print(f'{args.under}: {100 * sum(callees.values()) / total:.1f}%')
        for name, n in callees.most_common(args.top):
            print(f'{100 * n / total:5.1f}% {name}')
        return
    own = collections.Counter(names[0] for names in samples)
    inclusive = collections.Counter(n for names in samples for n in set(names))
    print('--- self')
    for name, n in own.most_common(args.top):
        print(f'{100 * n / total:5.1f}% {name}')
    print('--- inclusive')
    for name, n in inclusive.most_common(args.top * 4):
        print(f'{100 * n / total:5.1f}% {name}')


if __name__ == '__main__':
    main()
