/**
 * The message selector engine (Jakarta Messaging 3.1 §3.8.1): {@link org.tablemq.jms.selector.Selector} parses
 * a selector once (cached by text, failures too) and matches messages, seen through
 * {@link org.tablemq.jms.selector.SelectorContext}, with SQL three-valued logic.
 *
 * <p>Where the spec leaves a choice, TableMQ decides as follows.
 * <ul>
 *   <li>Refused when presented ({@code InvalidSelectorException} naming the selector and a column): syntax
 *       errors; a selector that is a number or a string; arithmetic or BETWEEN on a string or boolean literal;
 *       AND/OR/NOT on a number or string literal; {@code < <= > >=} on a string or boolean literal; LIKE or IN on
 *       a number literal; a LIKE pattern or ESCAPE that is not a string literal (ESCAPE: one character); an
 *       escape not followed by {@code %}, {@code _} or itself; IN lists of anything but string literals;
 *       nesting beyond {@code Parser.MAX_NESTING} / {@code MAX_DEPTH} levels.</li>
 *   <li>The {@code NULL} literal is accepted wherever a value is, and is unknown, as in SQL.</li>
 *   <li>Comparing values of unlike types (a string property with a number) is FALSE, as §3.8.1.1 says; IN and
 *       BETWEEN follow from their definitions as ORs/ANDs of comparisons. Ordering two strings or two booleans
 *       found in a message is unknown.</li>
 *   <li>Unknown: any NULL operand; arithmetic, unary signs, LIKE and AND/OR/NOT on a value of the wrong type;
 *       division by zero (also floating-point).</li>
 *   <li>Exact literals are long-valued; integral arithmetic is done in long and wraps on overflow as Java's long
 *       arithmetic does; float and double follow Java numeric promotion (so a float property {@code 6.2f}
 *       does not equal the double literal {@code 6.2}, but equals {@code 6.2F}).</li>
 *   <li>{@code JMSDestination}, {@code JMSReplyTo}, {@code JMSRedelivered}, {@code JMSExpiration} and
 *       {@code JMSDeliveryTime} are not selectable headers: they are NULL without asking the message.</li>
 * </ul>
 */
package org.tablemq.jms.selector;
