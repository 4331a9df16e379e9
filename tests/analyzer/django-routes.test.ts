/**
 * Django's URL patterns name a view, not a method: `path("v1/conversations", views.create)`. A
 * route serves the methods its view declares, found through the module graph: a decorator
 * (`@require_POST`, `@require_http_methods([...])`, DRF's `@api_view([...])`) or a class-based
 * view's handler methods (`def get`, `def delete`). A view that declares none is no route, and a
 * `path()` not imported from Django is none either.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

const VIEWS = [
  'from django.views import View',
  'from django.views.decorators.http import require_http_methods, require_POST',
  'from rest_framework.decorators import api_view',
  '',
  '@require_POST',
  'def create(request):',
  '    return None',
  '',
  'class Detail(View):',
  '    def get(self, request, conversation_id):',
  '        return None',
  '',
  '    def delete(self, request, conversation_id):',
  '        return None',
  '',
  '@require_http_methods(["POST"])',
  'def cancel(request, response_id):',
  '    return None',
  '',
  '@api_view(["GET", "DELETE"])',
  'def response(request, response_id):',
  '    return None',
  '',
  'def undeclared(request):',
  '    return None',
  '',
].join('\n');

describe('Django URL patterns', () => {
  it('route each pattern for the methods its view declares, at its path with its parameters', async () => {
    const { facts } = await analyzeFiles({
      'server/__init__.py': '',
      'server/views.py': VIEWS,
      'server/urls.py': [
        'from django.urls import path, re_path',
        '',
        'from . import views',
        '',
        'urlpatterns = [',
        '    path("v1/conversations", views.create),',
        '    path("v1/conversations/<str:conversation_id>/", views.Detail.as_view()),',
        '    re_path(r"^v1/responses/(?P<response_id>[^/]+)/cancel/?$", views.cancel),',
        '    path("v1/responses/<response_id>", views.response),',
        '    path("v1/responses", views.undeclared),',
        ']',
        '',
      ].join('\n'),
      // Not Django's `path`: no route.
      'server/other.py': 'from mylib import path\n\nx = path("v1/responses", handler)\n',
    });
    expect(
      facts
        .filter((f) => f.kind === 'route')
        .map((f) => `${f.file}:${f.line} ${f.method} ${f.path} ${f.symbol} [${(f.params ?? []).map((p) => p.name)}] (${f.evidence})`),
    ).toEqual([
      'server/urls.py:6 POST /v1/conversations views.create [] (Django path() of views.create)',
      'server/urls.py:7 DELETE /v1/conversations/{conversation_id} views.Detail [conversation_id] (Django path() of views.Detail)',
      'server/urls.py:7 GET /v1/conversations/{conversation_id} views.Detail [conversation_id] (Django path() of views.Detail)',
      'server/urls.py:8 POST /v1/responses/{response_id}/cancel views.cancel [response_id] (Django re_path() of views.cancel)',
      'server/urls.py:9 DELETE /v1/responses/{response_id} views.response [response_id] (Django path() of views.response)',
      'server/urls.py:9 GET /v1/responses/{response_id} views.response [response_id] (Django path() of views.response)',
    ]);
  });
});
