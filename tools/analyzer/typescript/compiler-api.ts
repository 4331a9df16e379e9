/**
 * The part of the TypeScript compiler the adapter calls, as one small object. The compiler's own
 * namespace object holds ~2,200 members and V8 keeps it in dictionary mode, so every `ts.isX(node)`
 * on it is a hash lookup; the walk makes millions of them on a large tree. The same functions read
 * from an object literal are plain property loads (~6% of a cold `map` of a 20 MB TypeScript tree, measured).
 * A member the adapter starts to use is added here, or it does not type-check.
 */
import type * as TS from 'typescript';

export function compilerApi(ts: typeof TS) {
  return {
    JSDocParsingMode: ts.JSDocParsingMode,
    ModifierFlags: ts.ModifierFlags,
    ScriptTarget: ts.ScriptTarget,
    SyntaxKind: ts.SyntaxKind,
    createSourceFile: ts.createSourceFile,
    flattenDiagnosticMessageText: ts.flattenDiagnosticMessageText,
    forEachChild: ts.forEachChild,
    getCombinedModifierFlags: ts.getCombinedModifierFlags,
    isArrayLiteralExpression: ts.isArrayLiteralExpression,
    isArrowFunction: ts.isArrowFunction,
    isAsExpression: ts.isAsExpression,
    isBinaryExpression: ts.isBinaryExpression,
    isCallExpression: ts.isCallExpression,
    isCaseClause: ts.isCaseClause,
    isClassDeclaration: ts.isClassDeclaration,
    isClassExpression: ts.isClassExpression,
    isComputedPropertyName: ts.isComputedPropertyName,
    isConstructorDeclaration: ts.isConstructorDeclaration,
    isEnumDeclaration: ts.isEnumDeclaration,
    isExportAssignment: ts.isExportAssignment,
    isExportDeclaration: ts.isExportDeclaration,
    isExpressionWithTypeArguments: ts.isExpressionWithTypeArguments,
    isExternalModuleReference: ts.isExternalModuleReference,
    isFunctionDeclaration: ts.isFunctionDeclaration,
    isFunctionExpression: ts.isFunctionExpression,
    isIdentifier: ts.isIdentifier,
    isImportDeclaration: ts.isImportDeclaration,
    isImportEqualsDeclaration: ts.isImportEqualsDeclaration,
    isInterfaceDeclaration: ts.isInterfaceDeclaration,
    isIntersectionTypeNode: ts.isIntersectionTypeNode,
    isLiteralTypeNode: ts.isLiteralTypeNode,
    isMethodDeclaration: ts.isMethodDeclaration,
    isModuleDeclaration: ts.isModuleDeclaration,
    isNamespaceExport: ts.isNamespaceExport,
    isNamespaceImport: ts.isNamespaceImport,
    isNewExpression: ts.isNewExpression,
    isNoSubstitutionTemplateLiteral: ts.isNoSubstitutionTemplateLiteral,
    isNumericLiteral: ts.isNumericLiteral,
    isObjectLiteralExpression: ts.isObjectLiteralExpression,
    isParameter: ts.isParameter,
    isParenthesizedExpression: ts.isParenthesizedExpression,
    isParenthesizedTypeNode: ts.isParenthesizedTypeNode,
    isPrivateIdentifier: ts.isPrivateIdentifier,
    isPropertyAccessExpression: ts.isPropertyAccessExpression,
    isPropertyAssignment: ts.isPropertyAssignment,
    isPropertyDeclaration: ts.isPropertyDeclaration,
    isPropertySignature: ts.isPropertySignature,
    isQualifiedName: ts.isQualifiedName,
    isReturnStatement: ts.isReturnStatement,
    isSatisfiesExpression: ts.isSatisfiesExpression,
    isShorthandPropertyAssignment: ts.isShorthandPropertyAssignment,
    isSourceFile: ts.isSourceFile,
    isSpreadAssignment: ts.isSpreadAssignment,
    isStringLiteral: ts.isStringLiteral,
    isTemplateExpression: ts.isTemplateExpression,
    isTypeAliasDeclaration: ts.isTypeAliasDeclaration,
    isTypeAssertionExpression: ts.isTypeAssertionExpression,
    isTypeLiteralNode: ts.isTypeLiteralNode,
    isTypeQueryNode: ts.isTypeQueryNode,
    isTypeReferenceNode: ts.isTypeReferenceNode,
    isUnionTypeNode: ts.isUnionTypeNode,
    isVariableDeclaration: ts.isVariableDeclaration,
    isVariableStatement: ts.isVariableStatement,
    isYieldExpression: ts.isYieldExpression,
  };
}

/** What the adapter's walk receives as `ts`. */
export type Ts = ReturnType<typeof compilerApi>;
