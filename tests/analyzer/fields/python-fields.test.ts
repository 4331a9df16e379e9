/** Python definitions carry the fields their class declares, inherited ones included (facts.ts `fields`). */
import { describe, expect, it } from 'vitest';
import { definitionsIn } from './adapter-case.js';

const HEAD = 'from typing import Any, ClassVar, Generic, Literal, TypeVar\nimport pydantic\nfrom pydantic import BaseModel, Field\n';

describe('Python definition fields', () => {
  it.each([
    [
      'annotated assignments, with and without a default',
      `class Created(BaseModel):
    type: Literal["response.created"] = "response.created"
    response: dict[str, Any]
    sequence_number: int = Field(default=0)
`,
      ['Created response.created [type, response, sequence_number]'],
    ],
    [
      'methods, ClassVar and plain assignments are not fields',
      `class Created(BaseModel):
    type: Literal["response.created"]
    kind: ClassVar[str] = "event"
    model_config = {"extra": "forbid"}
    response: dict

    def describe(self) -> str:
        label: str = "created"
        return label
`,
      ['Created response.created [type, response]'],
    ],
    [
      'a Pydantic alias is the name on the wire',
      `class Created(BaseModel):
    type: Literal["response.created"]
    response_: dict = Field(alias="response")
`,
      ['Created response.created [type, response]'],
    ],
    [
      'so is a validation alias, and an alias given in an Annotated type',
      `class Created(BaseModel):
    type: Literal["response.created"]
    response_: dict = Field(alias="resp", validation_alias="response")
    seq: Annotated[int, Field(alias="sequence_number")] = 0
`,
      ['Created response.created [type, response, sequence_number]'],
    ],
    [
      'inherited from local bases, two levels deep, base fields first',
      `class StreamEvent(BaseModel):
    sequence_number: int

class ItemEvent(StreamEvent):
    item_id: str

class Done(ItemEvent):
    type: Literal["response.output_text.done"] = "response.output_text.done"
    text: str
`,
      // Facts through a base are listed before assign-items drops those that define no event type.
      [
        'StreamEvent via BaseModel [sequence_number]',
        'ItemEvent via StreamEvent [sequence_number, item_id]',
        'Done response.output_text.done [sequence_number, item_id, type, text]',
      ],
    ],
    [
      'pydantic.BaseModel and Generic[T] add none',
      `T = TypeVar("T")

class Done(pydantic.BaseModel, Generic[T]):
    type: Literal["response.output_text.done"]
    text: str
`,
      ['Done response.output_text.done [type, text]'],
    ],
    [
      'a base this file does not define leaves them unknown',
      `from .base import EventBase

class Done(EventBase):
    type: Literal["response.output_text.done"]
    text: str
`,
      ['Done response.output_text.done (fields unknown)'],
    ],
    [
      'a dataclass',
      `from dataclasses import dataclass, field

@dataclass
class Done:
    text: str
    type: str = "response.output_text.done"
    logprobs: list = field(default_factory=list)
`,
      ['Done response.output_text.done [text, type, logprobs]'],
    ],
    [
      'a subclass without its own type, of a local definition: complete',
      `class Created(BaseModel):
    type: Literal["response.created"]
    response: dict

class LoudCreated(Created):
    volume: int
`,
      ['Created response.created [type, response]', 'LoudCreated via Created [type, response, volume]'],
    ],
    [
      'a subclass of a class from a package: what it sees, for assign-items to complete or drop',
      `from openai.types.responses import ResponseCreatedEvent

class Mine(ResponseCreatedEvent):
    volume: int
`,
      ['Mine via ResponseCreatedEvent [volume]'],
    ],
    [
      'a subclass whose inherited chain is open elsewhere: unknown',
      `from .base import EventBase

class Local(EventBase):
    extra: int

class Created(Local, ResponseCreatedEvent):
    pass
`,
      ['Local via EventBase [extra]', 'Created via Local (fields unknown)', 'Created via ResponseCreatedEvent (fields unknown)'],
    ],
    [
      "a class without bases is nobody's subclass (not even its own)",
      `class Plain:
    volume: int

@dataclass
class Data:
    size: int
`,
      [],
    ],
    [
      'an alias is not a declaration: no definition in the file (the workspace pass makes it one by import)',
      `from openai.types.responses import ResponseCreatedEvent as Created
`,
      [],
    ],
  ])('%s', async (_name, body, want) => {
    expect(await definitionsIn('python', HEAD + body)).toEqual(want);
  });
});
