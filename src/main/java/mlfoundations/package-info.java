/** ML Foundations in Java: the helper library the lesson notebooks load with {@code %jars}. */
package mlfoundations;
