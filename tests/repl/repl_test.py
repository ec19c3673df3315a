#!/usr/bin/env python3
"""Drives unode's REPL through a pseudo-terminal or a pipe.

usage: repl_test.py TEST -- COMMAND...   (COMMAND starts the REPL)

Each test types keys and waits (bounded) for text on the terminal; a
missing text fails the test with the transcript so far.
"""
import os
import pty
import re
import select
import subprocess
import sys
import termios
import time

TIMEOUT = 5.0
UP, DOWN, RIGHT, LEFT = '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D'
HOME, END, DELETE = '\x1b[H', '\x1b[F', '\x1b[3~'


class Failure(Exception):
    pass


class Terminal:
    """The REPL on a pseudo-terminal."""

    def __init__(self, command):
        self.master, self.slave = pty.openpty()
        self.process = subprocess.Popen(command, stdin=self.slave, stdout=self.slave,
                                        stderr=self.slave, start_new_session=True)
        self.output = ''
        self.seen = 0  # expect() searches from here

    def read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 4096)
        except OSError:
            return False
        self.output += data.decode('utf-8', 'replace')
        return bool(data)

    def expect(self, text, timeout=TIMEOUT):
        """Waits for text (a string, or a compiled regex) after the last match."""
        deadline = time.monotonic() + timeout
        while True:
            if isinstance(text, str):
                index = self.output.find(text, self.seen)
                end = index + len(text)
            else:
                match = text.search(self.output, self.seen)
                index, end = (match.start(), match.end()) if match else (-1, -1)
            if index >= 0:
                self.seen = end
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self.read(remaining):
                if remaining > 0 and self.process.poll() is None:
                    continue
                raise Failure('expected %r; the terminal shows:\n%r' % (text, self.output))

    def send(self, keys):
        os.write(self.master, keys.encode('utf-8'))

    def enter(self, line):
        self.send(line + '\r')

    def wait_exit(self, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self.read(0.05)
        if self.process.poll() is None:
            raise Failure('the REPL did not exit; the terminal shows:\n%r' % self.output)
        return self.process.returncode

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)
        os.close(self.slave)


def result(term, line, expected):
    """Enters line and expects its result then the next prompt."""
    term.enter(line)
    term.expect('\r\n' + expected + '\r\n> ')


# -- tests on a pseudo-terminal --------------------------------------------------

def test_basic(term):
    term.expect('> ')
    result(term, '6*7', '42')
    result(term, 'var x = 5', 'undefined')
    result(term, 'x * 2', '10')
    result(term, '_ + 1', '11')


def test_values(term):
    term.expect('> ')
    result(term, "'abc'", "'abc'")
    result(term, '({a: 1, b: [1, 2], c: "d"})', "{ a: 1, b: [ 1, 2 ], c: 'd' }")
    result(term, '{a: 1}', '{ a: 1 }')
    result(term, '[1, "two", null, undefined]', "[ 1, 'two', null, undefined ]")
    result(term, 'null', 'null')


def test_multiline(term):
    term.expect('> ')
    term.enter('function f(a) {')
    term.expect('... ')
    term.enter('  return a * 6;')
    term.expect('... ')
    term.enter('}')
    term.expect('\r\nundefined\r\n> ')
    result(term, 'f(7)', '42')
    term.enter('[1,')
    term.expect('... ')
    term.enter('.break')
    term.expect('> ')
    result(term, '1+1', '2')


def test_history(term):
    term.expect('> ')
    result(term, '40+2', '42')
    result(term, '7', '7')
    term.send(UP + UP)            # back two entries: 40+2
    result(term, '', '42')
    term.send(UP + UP + UP + DOWN)  # history: 40+2, 7, 40+2; back down to 7
    result(term, '', '7')
    term.send('1' + UP + DOWN)    # the line being typed comes back
    result(term, '', '1')


def test_backspace(term):
    term.expect('> ')
    result(term, '6*77\x7f', '42')     # DEL
    result(term, '6*79\x08', '42')     # ^H
    result(term, '6*7' + LEFT + '\x7f', '67')      # deletes the * in the middle


def test_cursor_editing(term):
    term.expect('> ')
    result(term, '67' + LEFT + '*', '42')            # insert before the cursor
    result(term, '*7' + HOME + '6', '42')            # Home
    result(term, '*7\x016', '42')                    # ^A
    result(term, '6*' + HOME + END + '7', '42')      # End
    result(term, '6*' + '\x1b[1~' + '\x1b[4~' + '7', '42')
    result(term, '6*' + '\x01\x05' + '7', '42')    # ^A then ^E
    result(term, '6*' + LEFT + LEFT + RIGHT + RIGHT + '7', '42')


def test_delete_key(term):
    term.expect('> ')
    result(term, '56*7' + HOME + DELETE, '42')


def test_error(term):
    term.expect('> ')
    term.enter("throw new Error('boom')")
    term.expect('\r\nUncaught Error: boom\r\n> ')
    term.enter('null.x')
    term.expect(re.compile(r'Uncaught TypeError: [^\r]*\r\n> '))
    term.enter('function g() { throw new RangeError("deep"); }; g()')
    term.expect(re.compile(r'Uncaught RangeError: deep\r\n    at g \(REPL\d+:1\)[^\r]*\r\n> '))
    result(term, '1+1', '2')


def test_async_error(term):
    # As in Node's REPL: a rejection nobody handles and an error thrown by a
    # timer are printed, and the REPL goes on.
    term.expect('> ')
    term.enter('Promise.reject(42)')
    term.expect('Promise { <rejected> 42 }')
    term.expect('Uncaught 42\r\n> ')
    term.enter("setTimeout(function () { throw new Error('later'); }, 10), 'set'")
    term.expect(re.compile(r"Uncaught Error: later\r\n[^>]*> "))
    result(term, '6*7', '42')


def test_exit_command(term):
    term.expect('> ')
    term.enter('.exit')
    status = term.wait_exit()
    if status != 0:
        raise Failure('.exit: status %d' % status)
    lflag = termios.tcgetattr(term.slave)[3]
    if not (lflag & termios.ICANON and lflag & termios.ECHO):
        raise Failure('the terminal was left in raw mode')


def test_process_exit(term):
    term.expect('> ')
    term.enter('process.exit(3)')
    status = term.wait_exit()
    if status != 3:
        raise Failure('process.exit(3): status %d' % status)
    lflag = termios.tcgetattr(term.slave)[3]
    if not (lflag & termios.ICANON and lflag & termios.ECHO):
        raise Failure('the terminal was left in raw mode')


def test_ctrl_d(term):
    term.expect('> ')
    term.send('12' + LEFT + '\x04')   # ^D on a non-empty line deletes at the cursor
    term.send('\r')
    term.expect('\r\n1\r\n> ')
    term.send('\x04')
    status = term.wait_exit()
    if status != 0:
        raise Failure('Ctrl-D: status %d' % status)


def test_ctrl_c(term):
    term.expect('> ')
    term.send('123\x03')                   # clears the line
    term.expect('> ')
    result(term, '4', '4')
    term.send('\x03')
    term.expect('(To exit, press Ctrl+C again or Ctrl+D or type .exit)')
    term.expect('> ')
    term.send('\x03')
    status = term.wait_exit()
    if status != 0:
        raise Failure('Ctrl-C twice: status %d' % status)


def test_watchdog(term):
    term.expect('> ')
    term.enter('while (true) {}')
    term.expect('\r\nUncaught RangeError', timeout=10)
    term.expect('> ')
    result(term, '1+1', '2')


# -- tests on a pipe ---------------------------------------------------------------

def run_pipe(command, text, timeout=TIMEOUT * 2):
    done = subprocess.run(command, input=text.encode('utf-8'), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=timeout)
    return done.returncode, done.stdout.decode('utf-8', 'replace')


def check_pipe(command, text, expected, status=0):
    code, output = run_pipe(command, text)
    if output != expected or code != status:
        raise Failure('status %d (expected %d); output:\n%r\nexpected:\n%r'
                      % (code, status, output, expected))


def test_pipe_basic(command):
    # What `node -i` prints for the same input, without its banner.
    check_pipe(command,
               '6*7\n"abc"\n({a:1,b:[1,2]})\nfunction f() {\nreturn 1\n}\nf()\n'
               'throw new Error("boom")\n.exit\n',
               "> 42\n> 'abc'\n> { a: 1, b: [ 1, 2 ] }\n> ... ... undefined\n> 1\n"
               "> Uncaught Error: boom\n> ")


def test_pipe_end_of_input(command):
    check_pipe(command, '1+1\r\n2+2\r3+3', '> 2\n> 4\n> 6\n> ')


def test_pipe_help(command):
    code, output = run_pipe(command, '.help\n')
    for word in ('.break', '.exit', '.help'):
        if word not in output:
            raise Failure('.help does not list %s:\n%r' % (word, output))


PTY_TESTS = {
    'basic': test_basic, 'values': test_values, 'multiline': test_multiline,
    'history': test_history, 'backspace': test_backspace,
    'cursor_editing': test_cursor_editing, 'delete_key': test_delete_key,
    'error': test_error, 'async_error': test_async_error, 'exit_command': test_exit_command, 'process_exit': test_process_exit, 'ctrl_d': test_ctrl_d,
    'ctrl_c': test_ctrl_c, 'watchdog': test_watchdog,
}
PIPE_TESTS = {
    'pipe_basic': test_pipe_basic, 'pipe_end_of_input': test_pipe_end_of_input,
    'pipe_help': test_pipe_help,
}


def main():
    if len(sys.argv) < 4 or sys.argv[2] != '--':
        sys.exit(__doc__)
    name, command = sys.argv[1], sys.argv[3:]
    try:
        if name in PIPE_TESTS:
            PIPE_TESTS[name](command)
        else:
            term = Terminal(command)
            try:
                PTY_TESTS[name](term)
            finally:
                term.close()
    except Failure as failure:
        print('FAIL %s: %s' % (name, failure))
        sys.exit(1)
    print('ok %s' % name)


if __name__ == '__main__':
    main()
