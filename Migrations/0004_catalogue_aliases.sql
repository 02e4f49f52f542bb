-- How the public model catalogues' fields map to capabilities. The importers look
-- every field up in capability_aliases; users add their own with
-- `lifeline capability alias CAPABILITY FIELD`. Field keys:
--   models.dev: its boolean fields (tool_call, attachment, ...), modalities as
--     input:KIND / output:KIND, and context:100k for a context window of 100k tokens or more;
--   LiteLLM: its supports_* fields, mode:MODE for modes other than chat, and context:100k.
INSERT INTO capability_aliases (alias, capability_id) VALUES
    ('tool_call', (SELECT id FROM capabilities WHERE slug = 'function-calling')),
    ('supports_function_calling', (SELECT id FROM capabilities WHERE slug = 'function-calling')),
    ('attachment', (SELECT id FROM capabilities WHERE slug = 'file-upload')),
    ('input:pdf', (SELECT id FROM capabilities WHERE slug = 'file-upload')),
    ('supports_pdf_input', (SELECT id FROM capabilities WHERE slug = 'file-upload')),
    ('input:image', (SELECT id FROM capabilities WHERE slug = 'vision')),
    ('supports_vision', (SELECT id FROM capabilities WHERE slug = 'vision')),
    ('structured_output', (SELECT id FROM capabilities WHERE slug = 'structured-output')),
    ('supports_response_schema', (SELECT id FROM capabilities WHERE slug = 'structured-output')),
    ('reasoning', (SELECT id FROM capabilities WHERE slug = 'reasoning')),
    ('supports_reasoning', (SELECT id FROM capabilities WHERE slug = 'reasoning')),
    ('context:100k', (SELECT id FROM capabilities WHERE slug = 'long-context')),
    ('output:image', (SELECT id FROM capabilities WHERE slug = 'image-generation')),
    ('mode:image_generation', (SELECT id FROM capabilities WHERE slug = 'image-generation')),
    ('input:audio', (SELECT id FROM capabilities WHERE slug = 'voice')),
    ('output:audio', (SELECT id FROM capabilities WHERE slug = 'voice')),
    ('supports_audio_input', (SELECT id FROM capabilities WHERE slug = 'voice')),
    ('supports_audio_output', (SELECT id FROM capabilities WHERE slug = 'voice')),
    ('supports_web_search', (SELECT id FROM capabilities WHERE slug = 'web-browsing')),
    ('supports_code_execution', (SELECT id FROM capabilities WHERE slug = 'code-execution'));
