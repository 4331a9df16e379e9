import { describe, expect, it } from 'vitest';
import { sdkCallsIn } from './sdk-calls.js';

describe('sdkCallsIn', () => {
  it('reads the calls of the endpoint resource from examples in both languages, sorted, once each', () => {
    const js = 'const client = new Widgets();\nconst w = await client.widgets.parts.list("w_1");\nconsole.log(w);';
    const py = 'client = Widgets()\nw = client.widgets.parts.list("w_1")\nw2 = client.widgets.parts.list("w_2")\nprint(json.dumps(w))';
    expect(sdkCallsIn([js, py], '/v1/widgets/{widget_id}/parts')).toEqual(['widgets.parts.list']);
  });

  it('takes the resource in camelCase as in snake_case', () => {
    const code = ['await api.spare_parts.create({})', 'api.spareParts.create({})'];
    expect(sdkCallsIn(code, '/v2/spare_parts')).toEqual(['spareParts.create', 'spare_parts.create']);
  });

  it('leaves out calls of other resources and of nothing', () => {
    expect(sdkCallsIn(['client.gadgets.create()', 'JSON.stringify(x)', 'widgets.create()'], '/v1/widgets')).toEqual([]);
    expect(sdkCallsIn(['client.widgets.create()'], '/{id}')).toEqual([]);
  });
});
