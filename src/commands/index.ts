/** The one registry of tools, commands and keys: the tool group, toolbar, key table and Help derive from it. */
export { TOOLS, TOOL_NAMES, toolsIn, type ToolDef, type ToolName, type ToolPlace } from './tools';
export { COMMANDS, COMMAND_IDS, toolCommand, toolOfCommand, type AppCommandId, type CommandDef, type CommandGroup, type CommandId, type ToolCommandId } from './commandTable';
export { commandForKey, commandTitle, keyHint, keyLabel, keyOf } from './keys';
