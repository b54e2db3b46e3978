# A walrus in a comprehension binds in the enclosing function, or globally when that function
# declares the name global; nonlocal declarations carry through too.
def scope2():
    global var2
    print([var2 := i for i in range(2)])
    return var2

print(scope2(), var2)

def outer():
    x = 0
    def inner():
        nonlocal x
        print([x := j * 2 for j in range(3)])
    inner()
    return x

print(outer())

def nested():
    global var3
    return [[var3 := a + b for b in range(2)] for a in range(2)], var3

print(nested(), var3)
total = [y := k for k in range(4)]
print(total, y)
