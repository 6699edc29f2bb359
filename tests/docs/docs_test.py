#!/usr/bin/env python3
"""The commands the docs show, run as written (docs/testing.md, "docs_commands").

usage: docs_test.py SOURCE_DIR BUILD_DIR [DOC...]

Every fenced block in README.md and docs/*.md must say what it is: ```sh blocks are commands,
anything else (```text, ```json, ```cfg, ```cmake) is not run. A ```sh block preceded by
<!-- docs-test: skip (why) --> is not run either, and must say why. The runnable blocks of one
document run in order in one `sh -e` session, as a reader would type them, from the top of the
source tree (a scratch copy: a directory of links to the source tree's entries, and `build`
linked to BUILD_DIR), with HOME in the scratch directory and PATH without the build tree. A
trailing comment that quotes text (`cmd   # "traces agree: 87 neutral events ..."`) is a claim:
the text (up to an ellipsis) must appear in the block's output.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r'^(\s*)```(.*)$')
SKIP = re.compile(r'<!--\s*docs-test:\s*skip\s*\((.+)\)\s*-->')
CLAIM = re.compile(r'#\s*"([^"]+)"')


def blocks(path):
    """(line, info, skip reason or None, text) for every fenced block of path."""
    lines = open(path, encoding='utf-8').read().split('\n')
    out, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, info = m.group(1), m.group(2).strip()
        j = i + 1
        while j < len(lines) and not re.match(r'^\s*```\s*$', lines[j]):
            j += 1
        if j == len(lines):
            raise SystemExit(f'{path}:{i + 1}: fence never closed')
        prev = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), '')
        skip = SKIP.search(prev)
        body = '\n'.join(l[len(indent):] if l.startswith(indent) else l for l in lines[i + 1:j])
        out.append((i + 1, info, skip.group(1) if skip else None, body))
        i = j + 1
    return out


def scratch(src, build):
    d = tempfile.mkdtemp(prefix='umol4-docs.')
    for name in os.listdir(src):
        if name not in ('build', '.git'):
            os.symlink(os.path.join(src, name), os.path.join(d, name))
    os.symlink(build, os.path.join(d, 'build'))
    os.mkdir(os.path.join(d, 'home'))
    return d


def run_doc(src, build, doc):
    problems, script, claims, n = [], ['set -e'], [], 0
    for line, info, skip, body in blocks(os.path.join(src, doc)):
        where = f'{doc}:{line}'
        if not info:
            problems.append(f'{where}: fenced block without a kind (```sh to run it, ```text ...)')
            continue
        if info != 'sh':
            if skip:
                problems.append(f'{where}: a skip mark on a block that is not run ({info})')
            continue
        if skip is not None:
            print(f'skipped {where}: {skip}')
            continue
        script.append(f'echo "=== {where}" >&2')
        script.append(body)
        n += 1
        claims += [(where, c) for c in CLAIM.findall(body)]
    if not n:
        return problems
    d = scratch(src, build)
    env = dict(os.environ, HOME=os.path.join(d, 'home'),
               PATH=':'.join(p for p in os.environ.get('PATH', '').split(':')
                             if p and not os.path.realpath(p).startswith(os.path.realpath(build))))
    env.pop('PKG_CONFIG_PATH', None)
    env.pop('CMAKE_PREFIX_PATH', None)
    try:
        r = subprocess.run(['sh', '-c', '\n'.join(script)], cwd=d, env=env, timeout=600,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL)
        out = r.stdout.decode('utf-8', 'replace')
        if r.returncode:
            problems.append(f'{doc}: a command failed (status {r.returncode}); the output:\n'
                            + out[-3000:])
        for where, claim in claims:
            text = claim.split('...')[0].strip()
            if text and text not in out:
                problems.append(f'{where}: the output does not say "{text}"')
        print(f'ran {doc}: {n} blocks')
    except subprocess.TimeoutExpired:
        problems.append(f'{doc}: the commands took more than 600 s')
    finally:
        subprocess.run(['rm', '-rf', d])
    return problems


def main():
    src, build = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
    docs = sys.argv[3:] or (['README.md'] + sorted(
        os.path.relpath(p, src) for p in glob.glob(os.path.join(src, 'docs', '**', '*.md'),
                                                   recursive=True)))
    problems = []
    for doc in docs:
        problems += run_doc(src, build, doc)
    for p in problems:
        print('FAIL:', p)
    print('PASS' if not problems else f'{len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
