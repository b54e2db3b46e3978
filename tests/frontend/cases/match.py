match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3):
        pass
    case {"x": x, "y": 2, **rest}:
        pass
    case {}:
        pass
    case [1, 2, *others]:
        pass
    case [*_, last]:
        pass
    case (1 | 2 | 3) as n:
        pass
    case -1 | 1.5 | 2j | -3+4j | 5-6j:
        pass
    case "string" | b"bytes" | None | True | False:
        pass
    case a.b.c:
        pass
    case _ if guard:
        pass
    case x:
        pass
match a, b:
    case (1, 2) | [3, 4]:
        pass
    case ():
        pass
    case []:
        pass
match (x):
    case (y):
        pass
match = 1
case = 2
_ = 3
match(x)
match[x]
print(match, case)
