package sample.surefire;

/** Holds only inherited tests, under a name Surefire ignores. */
class ConcreteInheritedChecks extends InheritedChecks {
}
