/**
 * JMX MBeans under the domain {@code org.tablemq} over the management API: one for each open store
 * ({@code type=Store,store=<node>}), one for each queue ({@code type=Queue,store=<node>,name="<queue>"}) and one for
 * each named subscription ({@code type=Subscription,store=<node>,topic="<topic>",name="<name>",clientId=...,durable=...}).
 * The provider registers them with the platform MBeanServer when it opens a store and removes them when it closes it.
 */
package org.tablemq.jms.management.jmx;
