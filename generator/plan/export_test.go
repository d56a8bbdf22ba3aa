package plan

// SchemaDescriptionKeys exposes the description table's keys to the external tests.
var SchemaDescriptionKeys = schemaDescriptionKeys
