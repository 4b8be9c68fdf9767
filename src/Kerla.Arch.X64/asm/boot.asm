; Kerla x86_64 boot: the 32-bit entries for PVH (QEMU -kernel, Firecracker) and
; multiboot2 (GRUB), the switch to long mode, and the jump into the higher half.
;
; Both boot protocols enter in 32-bit protected mode with paging off and ebx
; pointing at the boot information (hvm_start_info or the multiboot2 info).

KERNEL_VMA      equ 0xffffffff80000000
PAGE_PRESENT    equ 1 << 0
PAGE_WRITE      equ 1 << 1
PAGE_HUGE       equ 1 << 7

BOOT_PVH        equ 1
BOOT_MULTIBOOT2 equ 2
MB2_MAGIC       equ 0xe85250d6
MB2_BOOT_MAGIC  equ 0x36d76289

global pvh_start
global mb2_start
global boot_pml4
extern kmain
extern __bss_start
extern __bss_end

; Xen PVH note: QEMU's -kernel loads an ELF with this note and enters at the
; 32-bit physical address it names (XEN_ELFNOTE_PHYS32_ENTRY = 18).
section .note.Xen note alloc noexec nowrite align=4
    dd 4                ; name size
    dd 8                ; descriptor size
    dd 18               ; XEN_ELFNOTE_PHYS32_ENTRY
    db "Xen", 0
    dq pvh_start

; multiboot2 header: must sit in the first 32 KiB of the file, 8-byte aligned.
section .multiboot2 progbits alloc noexec nowrite align=8
mb2_header:
    dd MB2_MAGIC
    dd 0                                  ; architecture: i386 protected mode
    dd mb2_header_end - mb2_header
    dd -(MB2_MAGIC + 0 + (mb2_header_end - mb2_header))
    ; entry address tag: GRUB jumps here rather than to the ELF entry.
    align 8
    dw 3, 0
    dd 12
    dd mb2_start
    align 8
    dw 0, 0                               ; end tag
    dd 8
mb2_header_end:

section .boot.text progbits alloc exec nowrite align=16
bits 32
pvh_start:
    mov edi, BOOT_PVH
    jmp start32

mb2_start:
    cmp eax, MB2_BOOT_MAGIC
    jne .bad
    mov edi, BOOT_MULTIBOOT2
    jmp start32
.bad:
    hlt
    jmp .bad

; edi = boot protocol, ebx = physical address of the boot information.
start32:
    cli
    cld
    mov esp, boot_stack32_top
    mov esi, ebx

    ; Zero .bss (it lives in the higher half; write through its physical alias).
    push edi
    mov edi, __bss_start - KERNEL_VMA
    mov ecx, __bss_end - KERNEL_VMA
    sub ecx, edi
    xor eax, eax
    rep stosb
    pop edi

    ; Direct map and identity map of the first 4 GiB with 2 MiB pages:
    ; pd_low[0..2047] covers 0..4 GiB; pdpt_low[0..3] points at its four pages.
    mov ecx, 0
.fill_pd:
    mov eax, ecx
    shl eax, 21
    or eax, PAGE_PRESENT | PAGE_WRITE | PAGE_HUGE
    mov [pd_low + ecx * 8], eax
    mov eax, ecx
    shr eax, 11                           ; high dword of the physical address
    mov [pd_low + ecx * 8 + 4], eax
    inc ecx
    cmp ecx, 2048
    jne .fill_pd

    mov ecx, 0
.fill_pdpt:
    mov eax, ecx
    shl eax, 12
    add eax, pd_low
    or eax, PAGE_PRESENT | PAGE_WRITE
    mov [pdpt_low + ecx * 8], eax
    inc ecx
    cmp ecx, 4
    jne .fill_pdpt

    ; PML4[0]: identity (only until we run in the higher half);
    ; PML4[256]: the direct map at 0xffff800000000000;
    ; PML4[511] -> pdpt_high[510]: the kernel image at 0xffffffff80000000.
    mov eax, pdpt_low
    or eax, PAGE_PRESENT | PAGE_WRITE
    mov [boot_pml4], eax
    mov [boot_pml4 + 256 * 8], eax
    mov eax, pdpt_high
    or eax, PAGE_PRESENT | PAGE_WRITE
    mov [boot_pml4 + 511 * 8], eax
    mov eax, pd_low
    or eax, PAGE_PRESENT | PAGE_WRITE
    mov [pdpt_high + 510 * 8], eax

    ; CR4: PAE, OSFXSR and OSXMMEXCPT (compiled C# uses SSE).
    mov eax, cr4
    or eax, (1 << 5) | (1 << 9) | (1 << 10)
    mov cr4, eax
    mov eax, boot_pml4
    mov cr3, eax

    ; EFER: long mode, and no-execute when the CPU has it.
    push edi
    push esi
    mov eax, 0x80000001
    cpuid
    mov edi, edx
    mov ecx, 0xc0000080
    rdmsr
    or eax, 1 << 8
    test edi, 1 << 20
    jz .no_nx
    or eax, 1 << 11
.no_nx:
    wrmsr
    pop esi
    pop edi

    ; CR0: paging, protected mode, monitor coprocessor; no FPU emulation.
    mov eax, cr0
    or eax, (1 << 31) | (1 << 0) | (1 << 1) | (1 << 16)
    and eax, ~(1 << 2)
    mov cr0, eax

    lgdt [boot_gdt_ptr]
    jmp 0x08:start64_low

bits 64
start64_low:
    mov rax, start64
    jmp rax

section .text
start64:
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor ax, ax
    mov fs, ax
    mov gs, ax
    mov rsp, boot_stack_top
    xor rbp, rbp
    ; kmain(protocol, boot information physical address)
    mov edi, edi
    mov esi, esi
    call kmain
.halt:
    cli
    hlt
    jmp .halt

section .boot.data progbits alloc noexec write align=16
boot_gdt:
    dq 0
    dq 0x00af9a000000ffff                 ; 0x08: 64-bit kernel code
    dq 0x00cf92000000ffff                 ; 0x10: kernel data
boot_gdt_end:
boot_gdt_ptr:
    dw boot_gdt_end - boot_gdt - 1
    dd boot_gdt

section .boot.bss nobits alloc noexec write align=4096
boot_pml4:  resb 4096
pdpt_low:   resb 4096
pdpt_high:  resb 4096
pd_low:     resb 4 * 4096
boot_stack32: resb 4096
boot_stack32_top:

section .bss nobits alloc noexec write align=16
boot_stack: resb 64 * 1024
boot_stack_top:
