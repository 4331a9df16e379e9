/**
 * A request model's field carries the name on the wire: Pydantic's `alias=`, `validation_alias=`
 * (what a request is read by) and an alias given in an `Annotated` type. A model whose Python names
 * differ from the spec's (`input_`, `max_tokens`) is still the endpoint's request model, and its
 * fields are the spec's parameters, not extra fields.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

describe('Pydantic aliases on a request model', () => {
  it('gives each field its wire name', async () => {
    const { facts } = await analyzeFiles({
      'server/app.py': [
        'from typing import Annotated',
        'from pydantic import BaseModel, Field',
        '',
        'class CreateRequest(BaseModel):',
        '    model_name: str = Field(alias="model")',
        '    input_: list = Field(default_factory=list, alias="input")',
        '    max_tokens: int | None = Field(None, validation_alias="max_output_tokens")',
        '    prev: Annotated[str | None, Field(alias="previous_response_id")] = None',
        '    truncation: str = "auto"',
        '',
        '@app.post("/v1/responses")',
        'async def create(body: CreateRequest):',
        '    return body',
        '',
      ].join('\n'),
    });
    expect(facts.filter((f) => f.kind === 'param').map((f) => `${f.line} ${f.symbol}.${f.field}`)).toEqual([
      '5 CreateRequest.model',
      '6 CreateRequest.input',
      '7 CreateRequest.max_output_tokens',
      '8 CreateRequest.previous_response_id',
      '9 CreateRequest.truncation',
    ]);
  });
});
