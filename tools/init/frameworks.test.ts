import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, type Framework } from './frameworks.js';

const detect = (file: string, text: string, language: 'python' | 'typescript' | undefined): Framework[] =>
  FRAMEWORKS.filter((f) => f.applies(file, language) && f.test(text, file)).map((f) => f.id);

describe('framework detection', () => {
  it.each<[string, string, string, 'python' | 'typescript' | undefined, Framework[]]>([
    ['pydantic import', 'app/m.py', 'from pydantic import BaseModel\n', 'python', ['pydantic']],
    ['pydantic in a comment is not an import', 'app/m.py', '# we used to use pydantic\n', 'python', []],
    [
      'FastAPI and its routes',
      'app/main.py',
      'from fastapi import FastAPI\n@app.post("/v1/responses")\ndef f(): ...\n',
      'python',
      ['fastapi', 'decorator-routes'],
    ],
    ['webmethod routes', 'api/r.py', '@webmethod(route="/responses", method="POST")\n', 'python', ['decorator-routes']],
    [
      'zod, types and a switch',
      'src/e.ts',
      "import { z } from 'zod';\nexport type E = { type: string };\nswitch (event.type) {}\n",
      'typescript',
      ['zod', 'ts-types', 'switch-handlers'],
    ],
    ['zod/v4 subpath', 'src/e.ts', "import { z } from 'zod/v4';\n", 'typescript', ['zod']],
    ['express by require', 'server.js', "const express = require('express');\n", 'typescript', ['express']],
    ['Next.js route file', 'app/api/chat/route.ts', 'export async function POST() {}\n', 'typescript', ['nextjs']],
    ['Next.js by dependency', 'package.json', '{"dependencies":{"next":"15.0.0"}}', undefined, ['nextjs']],
    [
      'SvelteKit route file',
      'src/routes/v1/responses/+server.ts',
      'export async function POST({ request }) {}\n',
      'typescript',
      ['sveltekit'],
    ],
    ['SvelteKit by dependency', 'package.json', '{"devDependencies":{"@sveltejs/kit":"2.0.0"}}', undefined, ['sveltekit']],
    ['a Nuxt server route', 'server/api/v1/responses.post.ts', 'export default defineEventHandler(() => ({}));\n', 'typescript', ['nuxt']],
    ['Nuxt by dependency', 'package.json', '{"dependencies":{"nuxt":"3.0.0"}}', undefined, ['nuxt']],
    ['a package.json without next', 'package.json', '{"dependencies":{"react":"19"}}', undefined, []],
    ['a Python file never counts as Zod', 'x.py', "from 'zod'", 'python', []],
    ['Starlette', 'app/routes.py', 'from starlette.routing import Route\n', 'python', ['starlette']],
    ['an aiohttp server', 'app/server.py', 'from aiohttp import web\n', 'python', ['aiohttp']],
    ['aiohttp as a client only', 'app/fetch.py', 'import aiohttp\n', 'python', []],
    ['Litestar', 'app/api.py', 'from litestar import Controller, post\n', 'python', ['litestar']],
    ['Django', 'app/views.py', 'from django.http import StreamingHttpResponse\n', 'python', ['django']],
    ['a Tornado server', 'app/server.py', 'import tornado.web\n', 'python', ['tornado']],
    ['Tornado as a client only', 'app/fetch.py', 'from tornado.httpclient import AsyncHTTPClient\n', 'python', []],
    [
      'a Python handler by attribute',
      'bot/run.py',
      'for event in stream:\n    if event.type == "response.completed":\n        break\n',
      'python',
      ['python-handlers'],
    ],
    ['a Python handler on a dict', 'bot/run.py', "elif chunk['type'] == 'response.output_text.delta':\n", 'python', ['python-handlers']],
    [
      'a Python handler on a local type',
      'gw/convert.py',
      'etype = event.type\nif etype == "response.created":\n',
      'python',
      ['python-handlers'],
    ],
    [
      'a Python handler that skips a type',
      'gw/route.py',
      'if event.type != "response.completed":\n    continue\n',
      'python',
      ['python-handlers'],
    ],
    ['a Python handler by membership', 'gw/convert.py', 'if event_type in ("response.failed", "error"):\n', 'python', ['python-handlers']],
    [
      'a Python handler written the other way round',
      'gw/convert.py',
      'if "response.completed" == chunk.get("type"):\n',
      'python',
      ['python-handlers'],
    ],
    ['a dotted string compared with something else is no handler', 'app/log.py', 'if logger.name == "app.server":\n', 'python', []],
    [
      'a Python match statement',
      'bot/run.py',
      'match event.type:\n    case "response.created":\n        pass\n',
      'python',
      ['python-handlers'],
    ],
    [
      'a Python handler by the event class, through the module',
      'bot/run.py',
      'if isinstance(chunk, responses.ResponseCompletedEvent):\n    pass\n',
      'python',
      ['python-handlers'],
    ],
    [
      'a Python handler on a class pattern',
      'bot/run.py',
      'match event:\n    case ResponseTextDeltaEvent(delta=d):\n        pass\n',
      'python',
      ['python-handlers'],
    ],
    ['an isinstance of another kind of event is no handler', 'app/signals.py', 'if isinstance(sig, UserCreatedEvent):\n', 'python', []],
    ['a JSON schema walk is no handler', 'lib/s.py', 'if schema["type"] == "object":\n', 'python', []],
    ['an assignment of a type is no handler', 'bot/run.py', 'event.type = "response.created"\n', 'python', []],
    ['a TS comparison is not a Python handler', 'src/r.ts', "if (event.type === 'response.created') {}\n", 'typescript', []],
    [
      'the API called over HTTP from Python',
      'bot/ask.py',
      'requests.post("https://api.openai.com/v1/responses", json=body)\n',
      'python',
      ['openai-http-python'],
    ],
    [
      'the API called with fetch',
      'src/ask.ts',
      "await fetch('https://api.openai.com/v1/responses', init);\n",
      'typescript',
      ['openai-http-ts'],
    ],
    ['the address in a comment is no call', 'src/ask.ts', '// see https://api.openai.com/v1/responses\n', 'typescript', []],
    ['NestJS', 'src/app.controller.ts', "import { Controller, Post } from '@nestjs/common';\n", 'typescript', ['nestjs']],
  ])('%s', (_name, file, text, language, want) => {
    expect(detect(file, text, language)).toEqual(want);
  });
});
